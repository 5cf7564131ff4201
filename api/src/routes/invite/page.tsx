import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy.ts'
import type { InvitationByToken } from '../../data/invitations.ts'
import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { TextField } from '../../views/kit/field.tsx'
import { AuthFrame } from '../auth/frame.tsx'
import { ROLE_LABELS } from '../team/users/schema.ts'
import { ACCEPT_FIELDS } from './schema.ts'

// The pages behind an invitation link: the form to create the account, and the answers to a link
// that no longer works (each says why and what to do next).

/** Why an invitation link cannot be used, as the page explains it. */
export type InviteProblem = 'not_found' | 'expired' | 'revoked' | 'accepted' | 'account_exists'

function joinWhat(invitation: InvitationByToken): string {
  if (invitation.companyName) return `Join ${invitation.companyName} on Kairo`
  return 'Join the Kairo studio team'
}

/** `GET /invite/<token>`: what the invitation is for and the name + password form. */
export function InvitePage({
  nonce,
  token,
  invitation,
  values = {},
  errors = {},
}: {
  nonce?: string
  token: string
  invitation: InvitationByToken
  values?: Record<string, string>
  errors?: Record<string, string>
}) {
  return (
    <AuthFrame title={joinWhat(invitation)} nonce={nonce}>
      <p class="lede">Choose your name and a password to create your account.</p>
      <dl class="meta dash-section">
        <dt>Email</dt>
        <dd>{invitation.email}</dd>
        {invitation.companyName && (
          <>
            <dt>Company</dt>
            <dd>{invitation.companyName}</dd>
          </>
        )}
        <dt>Role</dt>
        <dd>{ROLE_LABELS[invitation.role]}</dd>
      </dl>
      <ErrorSummary form="invite" errors={errors} order={ACCEPT_FIELDS} />
      <form class="contact-form" method="post" action={`/invite/${token}`}>
        <TextField
          form="invite"
          name="name"
          label="Your name"
          value={values.name}
          autocomplete="name"
          maxlength={120}
          error={errors.name}
        />
        <TextField
          form="invite"
          name="password"
          label="Password"
          type="password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
          autocomplete="new-password"
          minlength={PASSWORD_MIN_LENGTH}
          maxlength={PASSWORD_MAX_LENGTH}
          error={errors.password}
        />
        <button class="button" type="submit">
          Create account
        </button>
      </form>
    </AuthFrame>
  )
}

const PROBLEMS: Record<InviteProblem, { title: string; text: string; signIn: boolean }> = {
  not_found: {
    title: 'This invitation link does not work',
    text: 'Check that you opened the whole link from the email. If it still does not work, ask the person who invited you to send a new invitation.',
    signIn: false,
  },
  expired: {
    title: 'This invitation has expired',
    text: 'Invitation links work for 7 days. Ask the person who invited you to send a new one.',
    signIn: false,
  },
  revoked: {
    title: 'This invitation was withdrawn',
    text: 'The studio cancelled this invitation. If you think that is a mistake, ask them to invite you again.',
    signIn: false,
  },
  accepted: {
    title: 'This invitation has already been used',
    text: 'An account was created with this link. Sign in with its email address and password.',
    signIn: true,
  },
  account_exists: {
    title: 'You already have an account',
    text: 'An account with this email address exists, so there is nothing to create. Sign in instead, or reset your password if you forgot it.',
    signIn: true,
  },
}

/** The answer to a link that cannot be used (404 unknown, 410 gone, 409 account exists). */
export function InviteProblemPage({ nonce, problem }: { nonce?: string; problem: InviteProblem }) {
  const { title, text, signIn } = PROBLEMS[problem]
  return (
    <AuthFrame title={title} nonce={nonce}>
      <p class="lede">{text}</p>
      {signIn && (
        <p>
          <a class="button" href="/login">
            Sign in
          </a>
        </p>
      )}
    </AuthFrame>
  )
}
