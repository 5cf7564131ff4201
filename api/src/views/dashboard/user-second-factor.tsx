import type { SecondFactorView } from '../../auth/second-factor.ts'
import { DateTime } from '../kit/date-time.tsx'
import { ErrorSummary } from '../kit/error-summary.tsx'

/** The reset form's one field: the admin confirms they know who is asking. */
export const RESET_CONFIRM_FIELD = 'confirmed'

/**
 * The admin's view of an account's second factors on its page, and the reset for someone who lost
 * them: what they have (without any secret), then one form whose box must be ticked, because a reset
 * asked for by e-mail alone is how an attacker takes over an account.
 */
export function UserSecondFactor({
  userId,
  factors,
  self,
  errors = {},
}: {
  userId: string
  factors: SecondFactorView
  self: boolean
  errors?: Record<string, string>
}) {
  const has = factors.totpSince !== null || factors.passkeys.length > 0
  const error = errors[RESET_CONFIRM_FIELD]
  const id = `user-factor-${RESET_CONFIRM_FIELD}`
  return (
    <section class="dash-section" aria-labelledby="user-factor">
      <h2 id="user-factor">Second factor</h2>
      <ErrorSummary form="user-factor" errors={errors} order={[RESET_CONFIRM_FIELD]} />
      <ul class="checklist">
        <li>
          Authenticator app:{' '}
          {factors.totpSince ? (
            <>
              on since <DateTime value={factors.totpSince} />, {factors.recoveryCodesLeft} recovery codes left
            </>
          ) : (
            'off'
          )}
        </li>
        <li>
          Passkeys:{' '}
          {factors.passkeys.length === 0
            ? 'none'
            : factors.passkeys.map((passkey) => passkey.name).join(', ')}
        </li>
      </ul>
      {self ? (
        <p>This is your own account: change its second factor from your profile.</p>
      ) : has ? (
        <form class="contact-form" method="post" action={`/dashboard/users/${userId}/second-factor/reset`}>
          <p>
            Resetting removes the app, its recovery codes and every passkey, and signs this person out
            everywhere. Their password stays; they set up a new factor at their next sign-in, and they are
            told by e-mail.
          </p>
          {error && (
            <p class="field-error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <p>
            <label for={id}>
              <input
                id={id}
                type="checkbox"
                name={RESET_CONFIRM_FIELD}
                value="yes"
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />{' '}
              I have checked who is asking, other than by e-mail
            </label>
          </p>
          <button class="button button--quiet" type="submit">
            Reset second factor
          </button>
        </form>
      ) : (
        <p>Nothing to reset.</p>
      )}
    </section>
  )
}
