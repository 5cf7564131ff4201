import { renderSVG } from 'uqr'
import { groupedTotpSecret, TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpUri } from '../../auth/totp.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import { TextField } from '../kit/field.tsx'

// Setting up an authenticator app, the same on the sign-in's enrolment page and on the profile: the
// `otpauth://` URI as a QR code drawn on the server (SVG, no script), the secret as text for typing
// by hand, and the form that confirms the app with its first code.

/** What authenticator apps show as the account's issuer. */
export const TOTP_ISSUER = 'Kairo'

/** Props of {@link TotpSetup}. */
export interface TotpSetupProps {
  /** The account, as the app will label it. */
  email: string
  secret: Uint8Array
  /** Where the confirming code is posted. */
  action: string
  /** Extra hidden fields for the post (the sign-in's `next`). */
  hidden?: Record<string, string>
  errors?: Record<string, string>
}

/** The QR code of `text` as an `<img>` source: an SVG data URI (the CSP allows `data:` images). */
function qrSource(text: string): string {
  const svg = renderSVG(text, { border: 4, ecc: 'M', pixelSize: 8 })
  return `data:image/svg+xml;base64,${btoa(svg)}`
}

export function TotpSetup({ email, secret, action, hidden = {}, errors = {} }: TotpSetupProps) {
  const uri = totpUri({ issuer: TOTP_ISSUER, account: email, secret })
  return (
    <>
      <ErrorSummary form="totp" errors={errors} order={['code']} />
      <ol class="steps totp-steps">
        <li>
          <p>
            Open an authenticator app on your phone (such as 1Password, Google Authenticator, Aegis or Authy)
            and add an account by scanning this code:
          </p>
          <img
            class="qr"
            src={qrSource(uri)}
            width={200}
            height={200}
            alt="QR code holding the key below, for your authenticator app"
          />
        </li>
        <li>
          <p>
            If you cannot scan it, add the account by hand with this key (time-based, {TOTP_DIGITS} digits,
            every {TOTP_PERIOD_SECONDS} seconds):
          </p>
          <p>
            <code class="copyable" id="totp-secret">
              {groupedTotpSecret(secret)}
            </code>
          </p>
          <p class="muted">Account: {email}</p>
        </li>
        <li>
          <p>Enter the {TOTP_DIGITS}-digit code the app now shows for Kairo.</p>
          <form class="contact-form" method="post" action={action}>
            {Object.entries(hidden).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <TextField
              form="totp"
              name="code"
              label="Code from the app"
              autocomplete="one-time-code"
              error={errors.code}
              maxlength={12}
            />
            <button class="button" type="submit">
              Turn on two-step sign-in
            </button>
          </form>
        </li>
      </ol>
    </>
  )
}
