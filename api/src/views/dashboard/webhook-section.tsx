import { DateTime } from '../kit/date-time.tsx'

/** What the studio sees of an automation's run webhook (never the secret: it is shown once). */
export interface WebhookState {
  /** Whether the Worker has `WEBHOOK_SIGNING_KEY`; without it no webhook can verify. */
  configured: boolean
  /** Since when the current webhook exists; null when there is none. */
  createdAt: Date | null
}

/** Props of {@link WebhookSection}. */
export interface WebhookSectionProps {
  automationId: string
  isDraft: boolean
  webhook: WebhookState
}

/**
 * The automation page's "Run webhook" section, for studio staff: whether the automation has a
 * webhook and since when, and one POST form that makes a new URL and secret (the first, or a
 * rotation). No confirmation step: the button says what it does, and the old secret is already
 * out of Kairo's hands.
 */
export function WebhookSection({ automationId, isDraft, webhook }: WebhookSectionProps) {
  const exists = webhook.createdAt !== null
  return (
    <section class="dash-section" aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">Run webhook</h2>
      <p>
        The engine that runs this automation (n8n, Make, Zapier, a script) reports each run to Kairo through a
        signed webhook; a failed run notifies the client and the automation’s owner.
      </p>
      {!webhook.configured ? (
        <p>
          Run webhooks are not configured on this server: the Worker needs the secret{' '}
          <code>WEBHOOK_SIGNING_KEY</code>.
        </p>
      ) : (
        <>
          <p>
            {exists ? (
              <>
                It has a webhook since <DateTime value={webhook.createdAt} />. Its secret was shown once, when
                it was made. A new secret replaces the URL and the secret: the old ones stop working at once.
              </>
            ) : (
              'It has no webhook yet: Kairo records its runs once the engine reports them to one.'
            )}
          </p>
          {isDraft && <p class="muted">While it is a draft, reports are refused; publish it first.</p>}
          <form method="post" action={`/dashboard/automations/${automationId}/webhook`} class="actions">
            <button class={exists ? 'button button--quiet' : 'button'} type="submit">
              {exists ? 'Rotate webhook secret' : 'Create webhook secret'}
            </button>
          </form>
        </>
      )}
    </section>
  )
}
