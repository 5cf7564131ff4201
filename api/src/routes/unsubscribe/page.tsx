import { KIND_LABELS } from '../../notifications/kinds.ts'
import type { UnsubscribeScope } from '../../notifications/unsubscribe-token.ts'
import { AuthFrame } from '../auth/frame.tsx'

// The pages behind an e-mail's unsubscribe link: the confirmation with its one button, the answer
// after it, and the answer to a link that does not verify. None needs a sign-in.

/** What the link stops, in words. */
function whatStops(scope: UnsubscribeScope): string {
  return scope === 'digest'
    ? 'the daily digest e-mail'
    : `e-mails when ${KIND_LABELS[scope].charAt(0).toLowerCase()}${KIND_LABELS[scope].slice(1)}`
}

/**
 * `GET /unsubscribe/<token>`: asks before acting, because mail scanners open links on their own; the
 * button posts the same body a mail client's one-click unsubscribe does (RFC 8058).
 */
export function UnsubscribePage({
  nonce,
  token,
  scope,
}: {
  nonce?: string
  token: string
  scope: UnsubscribeScope
}) {
  return (
    <AuthFrame title="Unsubscribe from these e-mails" nonce={nonce}>
      <p class="lede">Stop {whatStops(scope)}?</p>
      <p>You will still see these notifications in the dashboard.</p>
      <form method="post" action={`/unsubscribe/${token}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button class="button" type="submit">
          Unsubscribe
        </button>
      </form>
    </AuthFrame>
  )
}

/** After `POST /unsubscribe/<token>`: what changed, and where to undo it. */
export function UnsubscribedPage({ nonce, scope }: { nonce?: string; scope: UnsubscribeScope }) {
  return (
    <AuthFrame
      title="You are unsubscribed"
      nonce={nonce}
      flash={{ tone: 'success', message: `You will no longer get ${whatStops(scope)}.` }}
    >
      <p>
        These notifications stay in the dashboard's list. To get e-mails again, choose how on your profile.
      </p>
      <p>
        <a href="/dashboard/profile#notifications">Your notification settings</a>
      </p>
    </AuthFrame>
  )
}

/** A token that does not verify (changed, cut short or made up), or whose account is gone. */
export function BadUnsubscribeLinkPage({ nonce }: { nonce?: string }) {
  return (
    <AuthFrame title="This unsubscribe link does not work" nonce={nonce}>
      <p>
        The link may have been cut short or changed when it was copied. Open it again from the e-mail, or sign
        in and choose which e-mails you get on your profile.
      </p>
      <p>
        <a href="/dashboard/profile#notifications">Your notification settings</a>
      </p>
    </AuthFrame>
  )
}
