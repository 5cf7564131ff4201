import type { Flash } from '../../views/dashboard/flash.ts'
import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { TextField } from '../../views/kit/field.tsx'
import { PasskeySignIn } from '../../views/second-factor/passkey.tsx'
import { RecoveryCodeList } from '../../views/second-factor/recovery-codes.tsx'
import { TotpSetup } from '../../views/second-factor/totp-setup.tsx'
import { AuthFrame } from './frame.tsx'

// The second step of signing in, after the password: a code from the app or a recovery code (or a
// passkey, with script), or, for a role that must have a second factor and has none, setting up the
// app. Plain forms; the passkey button appears only where script runs.

/** Which of the step's two forms a set of errors belongs to. */
export type CodeForm = 'code' | 'recovery'

/** Props of {@link SecondFactorPage}. */
export interface SecondFactorPageProps {
  nonce?: string
  email: string
  hasTotp: boolean
  hasPasskey: boolean
  next?: string | null
  form?: CodeForm
  errors?: Record<string, string>
  flash?: Flash
}

export function SecondFactorPage({
  nonce,
  email,
  hasTotp,
  hasPasskey,
  next,
  form,
  errors = {},
  flash,
}: SecondFactorPageProps) {
  const hidden = next ? <input type="hidden" name="next" value={next} /> : null
  return (
    <AuthFrame title="Confirm it is you" nonce={nonce} flash={flash}>
      <p class="lede">Your password was right. One more step to sign in to {email}.</p>
      {form === 'code' && <ErrorSummary form="code" errors={errors} order={['code']} />}
      {form === 'recovery' && <ErrorSummary form="recovery" errors={errors} order={['recoveryCode']} />}
      {hasTotp && (
        <>
          <form class="contact-form" method="post" action="/login/second-factor">
            {hidden}
            <TextField
              form="code"
              name="code"
              label="Code from your authenticator app"
              hint="The 6 digits the app shows for Kairo now."
              autocomplete="one-time-code"
              error={form === 'code' ? errors.code : undefined}
              maxlength={12}
            />
            <button class="button" type="submit">
              Sign in
            </button>
          </form>
          <section class="dash-section" aria-labelledby="recovery-heading">
            <h2 id="recovery-heading">Cannot use the app?</h2>
            <p>Enter one of the recovery codes you saved when you set it up. Each code works once.</p>
            <form class="contact-form" method="post" action="/login/second-factor/recovery">
              {hidden}
              <TextField
                form="recovery"
                name="recoveryCode"
                label="Recovery code"
                autocomplete="off"
                error={form === 'recovery' ? errors.recoveryCode : undefined}
                maxlength={40}
              />
              <button class="button button--quiet" type="submit">
                Sign in with a recovery code
              </button>
            </form>
          </section>
        </>
      )}
      {hasPasskey && (
        <>
          <PasskeySignIn
            next={next}
            nonce={nonce}
            heading={hasTotp ? 'Or use a passkey' : 'Use your passkey'}
          />
          {!hasTotp && (
            <p data-passkey-nojs="">
              Your account signs in with a passkey, which needs JavaScript in this browser. Turn it on, or use
              another browser.
            </p>
          )}
        </>
      )}
      <p>
        Lost your phone and your recovery codes? Ask the studio’s admin to reset your two-step sign-in.{' '}
        <a href="/login">Start the sign-in again</a>
      </p>
    </AuthFrame>
  )
}

/** Props of {@link EnrolPage}. */
export interface EnrolPageProps {
  nonce?: string
  email: string
  secret: Uint8Array
  next?: string | null
  errors?: Record<string, string>
}

/** A role that must have a second factor, signing in without one: set up the app first. */
export function EnrolPage({ nonce, email, secret, next, errors }: EnrolPageProps) {
  return (
    <AuthFrame title="Set up two-step sign-in" nonce={nonce}>
      <p class="lede">
        Your password was right. Accounts of the studio’s team sign in with a second step: a code from an
        authenticator app. Set it up now to continue; it takes a minute.
      </p>
      <TotpSetup
        email={email}
        secret={secret}
        action="/login/second-factor/enrol"
        hidden={next ? { next } : {}}
        errors={errors}
      />
      <p>
        <a href="/login">Cancel and go back to sign in</a>
      </p>
    </AuthFrame>
  )
}

/** After the enrolment confirmed: signed in, and the recovery codes this once. */
export function EnrolledPage({ nonce, codes, next }: { nonce?: string; codes: string[]; next: string }) {
  return (
    <AuthFrame title="Save your recovery codes" nonce={nonce}>
      <p class="lede" role="status">
        Two-step sign-in is on, and you are signed in.
      </p>
      <RecoveryCodeList codes={codes} />
      <p>
        <a class="button" href={next}>
          I have saved them: continue
        </a>
      </p>
    </AuthFrame>
  )
}
