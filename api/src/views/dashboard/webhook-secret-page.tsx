import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { DateTime } from '../kit/date-time.tsx'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link WebhookSecretPage}. */
export interface WebhookSecretPageProps {
  c: Context<AppEnv>
  automation: { id: string; title: string }
  url: string
  secret: string
  createdAt: Date
  replaced: boolean
}

/**
 * The answer to "Create/Rotate webhook secret": the URL and the secret, this once. It is a page
 * rendered by the POST, not a redirect, so the secret never travels in a cookie, a URL or a log; the
 * dashboard's `no-store` keeps it out of caches and the back-forward cache.
 */
export function WebhookSecretPage({
  c,
  automation,
  url,
  secret,
  createdAt,
  replaced,
}: WebhookSecretPageProps) {
  const back = `/dashboard/automations/${automation.id}`
  return (
    <DashboardLayout c={c} title={`Run webhook of “${automation.title}”`} active="automations">
      <div class="flash" role="status">
        <p>
          {replaced
            ? 'A new webhook replaced the old one, which no longer works. '
            : 'The webhook is ready. '}
          <strong>The secret is shown only now:</strong> copy it into the engine before you leave this page.
          Kairo does not keep it; if it is lost, make a new one.
        </p>
      </div>
      <dl class="meta">
        <dt>URL</dt>
        <dd>
          <code class="copyable">{url}</code>
        </dd>
        <dt>Secret</dt>
        <dd>
          <code class="copyable">{secret}</code>
        </dd>
        <dt>Made</dt>
        <dd>
          <DateTime value={createdAt} />
        </dd>
      </dl>
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
      <p>
        <a href={back}>Back to the automation</a>
      </p>
    </DashboardLayout>
  )
}
