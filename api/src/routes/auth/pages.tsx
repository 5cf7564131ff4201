import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy.ts'
import type { Flash } from '../../views/dashboard/flash.ts'
import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { TextField } from '../../views/kit/field.tsx'
import { PasskeySignIn } from '../../views/second-factor/passkey.tsx'
import { AuthFrame } from './frame.tsx'

// The signed-out pages: sign in, ask for a reset link, set a new password, and the answers to a
// link that no longer works. Plain forms that post to the Worker; no script needed (the sign-in
// page's passkey button is the one exception, and it is absent without script).

/** What a failed sign-in shows, whichever of the two was wrong (no account enumeration). */
export const SIGN_IN_FAILED = 'The email address or password is not right. Check both and try again.'

/** Props of {@link LoginPage}. */
export interface LoginPageProps {
  nonce?: string
  /** The email as typed (kept after a failure); the password never is. */
  email?: string
  /** A same-origin path to return to after signing in (already checked). */
  next?: string | null
  errors?: Record<string, string>
  flash?: Flash
}

export function LoginPage({ nonce, email = '', next, errors = {}, flash }: LoginPageProps) {
  return (
    <AuthFrame title="Sign in" nonce={nonce} flash={flash}>
      <ErrorSummary form="login" errors={errors} order={['email', 'password']} />
      <form class="contact-form" method="post" action="/login">
        {next && <input type="hidden" name="next" value={next} />}
        <TextField
          form="login"
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          value={email}
          error={errors.email}
          maxlength={254}
        />
        <TextField
          form="login"
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={errors.password}
        />
        <button class="button" type="submit">
          Sign in
        </button>
      </form>
      <p>
        <a href="/password-reset">Forgot your password?</a>
      </p>
      {/* Shown by its script only where the browser has passkeys; absent without JavaScript. */}
      <PasskeySignIn next={next} nonce={nonce} heading="Or sign in with a passkey" />
    </AuthFrame>
  )
}

/** Props of {@link ResetRequestPage}. */
export interface ResetRequestPageProps {
  nonce?: string
  email?: string
  errors?: Record<string, string>
  /** After a request: the same words whether or not the address has an account. */
  sent?: boolean
}

export function ResetRequestPage({ nonce, email = '', errors = {}, sent = false }: ResetRequestPageProps) {
  if (sent) {
    return (
      <AuthFrame title="Check your inbox" nonce={nonce}>
        <p class="lede" role="status">
          If an account exists for that address, we have sent it a link to set a new password. The link works
          once, for one hour.
        </p>
        <p>
          Nothing arrived after a few minutes? Check your spam folder, or{' '}
          <a href="/password-reset">ask again</a>.
        </p>
        <p>
          <a href="/login">Back to sign in</a>
        </p>
      </AuthFrame>
    )
  }
  return (
    <AuthFrame title="Reset your password" nonce={nonce}>
      <p class="lede">
        Enter the email address you sign in with. We will send you a link to set a new password.
      </p>
      <ErrorSummary form="reset" errors={errors} order={['email']} />
      <form class="contact-form" method="post" action="/password-reset">
        <TextField
          form="reset"
          name="email"
          label="Email"
          type="email"
          autocomplete="username"
          value={email}
          error={errors.email}
          maxlength={254}
        />
        <button class="button" type="submit">
          Send the link
        </button>
      </form>
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </AuthFrame>
  )
}

/** Props of {@link NewPasswordPage}. */
export interface NewPasswordPageProps {
  nonce?: string
  /** The link's token: the form posts back to the link itself. */
  token: string
  /** The account's email, shown so the person knows which account they are resetting. */
  email: string
  errors?: Record<string, string>
}

export function NewPasswordPage({ nonce, token, email, errors = {} }: NewPasswordPageProps) {
  return (
    <AuthFrame title="Choose a new password" nonce={nonce}>
      <p class="lede">For the account {email}.</p>
      <ErrorSummary form="new" errors={errors} order={['password']} />
      <form class="contact-form" method="post" action={`/password-reset/${token}`}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={email} />
        <TextField
          form="new"
          name="password"
          label="New password"
          type="password"
          autocomplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one. Very common passwords are refused.`}
          error={errors.password}
          minlength={PASSWORD_MIN_LENGTH}
          maxlength={PASSWORD_MAX_LENGTH}
        />
        <button class="button" type="submit">
          Set the new password
        </button>
      </form>
    </AuthFrame>
  )
}

const LINK_PROBLEMS = {
  invalid: {
    title: 'This link does not work',
    text: 'The reset link is incomplete or not one we sent. Copy the whole link from the email, or ask for a new one.',
  },
  expired: {
    title: 'This link has expired',
    text: 'Reset links work for one hour. Ask for a new one; it takes a minute.',
  },
  used: {
    title: 'This link has already been used',
    text: 'Each reset link works once, and a change of password or email address ends the links sent before it. If you did not change your password just now, ask for a new link.',
  },
} as const

/** The answer to a reset link that is malformed, unknown, expired or already used. */
export function ResetLinkProblemPage({
  nonce,
  problem,
}: {
  nonce?: string
  problem: keyof typeof LINK_PROBLEMS
}) {
  const { title, text } = LINK_PROBLEMS[problem]
  return (
    <AuthFrame title={title} nonce={nonce}>
      <p class="lede">{text}</p>
      <p>
        <a class="button" href="/password-reset">
          Ask for a new link
        </a>
      </p>
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </AuthFrame>
  )
}
