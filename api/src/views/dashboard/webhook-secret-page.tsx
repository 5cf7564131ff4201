import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { SecretOncePage } from './secret-once-page.tsx'

/** Props of {@link WebhookSecretPage}. */
export interface WebhookSecretPageProps {
  c: Context<AppEnv>
  automation: { id: string; title: string }
  url: string
  secret: string
  createdAt: Date
  replaced: boolean
}

/** The answer to "Create/Rotate webhook secret" of an automation: its URL and secret, this once. */
export function WebhookSecretPage({
  c,
  automation,
  url,
  secret,
  createdAt,
  replaced,
}: WebhookSecretPageProps) {
  return (
    <SecretOncePage
      c={c}
      title={`Run webhook of “${automation.title}”`}
      active="automations"
      notice={
        replaced ? 'A new webhook replaced the old one, which no longer works.' : 'The webhook is ready.'
      }
      copyInto="the engine"
      whenLost="make a new one"
      address={{ label: 'URL', value: url }}
      secret={secret}
      createdAt={createdAt}
      back={{ href: `/dashboard/automations/${automation.id}`, label: 'Back to the automation' }}
    >
      <section class="dash-section" aria-labelledby="signing-heading">
        <h2 id="signing-heading">Signing a report</h2>
        <p>
          POST JSON such as{' '}
          <code>{'{"runId":"…","event":"finished","outcome":"failure","message":"…"}'}</code> to the URL, with
          the headers <code>{TIMESTAMP_HEADER}</code> (Unix seconds) and <code>{SIGNATURE_HEADER}: v1=</code>{' '}
          followed by the lower-case hex HMAC-SHA256, under the secret, of the timestamp, a dot and the body.{' '}
          <code>api/README.md</code> (“Automation run webhooks”) shows it with curl and with n8n.
        </p>
      </section>
    </SecretOncePage>
  )
}
