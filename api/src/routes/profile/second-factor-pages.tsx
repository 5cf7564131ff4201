import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { DashboardLayout } from '../../views/dashboard/layout.tsx'
import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { TextField } from '../../views/kit/field.tsx'
import { RecoveryCodeList } from '../../views/second-factor/recovery-codes.tsx'
import { TotpSetup } from '../../views/second-factor/totp-setup.tsx'

// The profile's second-factor pages: setting up the app, the recovery codes (shown once), and the
// page that asks for the password before anything is removed or replaced.

const BACK = '/dashboard/profile#second-factor'

/** Setting up the authenticator app from the profile. */
export function TotpSetupPage({
  c,
  secret,
  errors,
}: {
  c: Context<AppEnv>
  secret: Uint8Array
  errors?: Record<string, string>
}) {
  const user = c.var.auth?.user
  if (!user) throw new Error('profile: rendered without a signed-in user')
  return (
    <DashboardLayout c={c} title="Set up an authenticator app" active="profile">
      <p>
        After this, signing in asks for a code from the app after your password. You will get recovery codes
        for when the app is not at hand.
      </p>
      <TotpSetup email={user.email} secret={secret} action="/dashboard/profile/totp" errors={errors} />
      <p>
        <a href={BACK}>Cancel and go back to your profile</a>
      </p>
    </DashboardLayout>
  )
}

/** The new recovery codes, this once (after the app was turned on, or after making new ones). */
export function RecoveryCodesPage({
  c,
  codes,
  intro,
}: {
  c: Context<AppEnv>
  codes: string[]
  intro: string
}) {
  return (
    <DashboardLayout c={c} title="Save your recovery codes" active="profile">
      <p class="flash" role="status">
        {intro}
      </p>
      <RecoveryCodeList codes={codes} />
      <p>
        <a class="button" href={BACK}>
          I have saved them: back to my profile
        </a>
      </p>
    </DashboardLayout>
  )
}

/** Props of {@link ConfirmPasswordPage}. */
export interface ConfirmPasswordPageProps {
  c: Context<AppEnv>
  title: string
  /** What will happen, in a sentence or two. */
  intro: string
  action: string
  button: string
  errors?: Record<string, string>
}

/** "Enter your password to …": removing a factor, or replacing the recovery codes. */
export function ConfirmPasswordPage({
  c,
  title,
  intro,
  action,
  button,
  errors = {},
}: ConfirmPasswordPageProps) {
  const user = c.var.auth?.user
  if (!user) throw new Error('profile: rendered without a signed-in user')
  return (
    <DashboardLayout c={c} title={title} active="profile">
      <ErrorSummary form="confirm" errors={errors} order={['currentPassword']} />
      <p>{intro}</p>
      <form class="contact-form" method="post" action={action}>
        {/* Lets password managers offer the right account's password. */}
        <input type="hidden" name="username" autocomplete="username" value={user.email} />
        <TextField
          form="confirm"
          name="currentPassword"
          label="Your password"
          type="password"
          autocomplete="current-password"
          error={errors.currentPassword}
        />
        <button class="button" type="submit">
          {button}
        </button>
      </form>
      <p>
        <a href={BACK}>Cancel and go back to your profile</a>
      </p>
    </DashboardLayout>
  )
}
