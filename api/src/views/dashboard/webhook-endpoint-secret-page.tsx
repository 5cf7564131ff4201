import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { DateTime } from '../kit/date-time.tsx'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link EndpointSecretPage}. */
export interface EndpointSecretPageProps {
  c: Context<AppEnv>
  endpoint: { id: string; url: string; description: string }
  secret: string
  createdAt: Date
  /** True after a rotation (the old secret stopped signing), false after registration. */
  replaced: boolean
}

/**
 * The answer to registering an endpoint or rotating its secret: the secret, this once. A page
 * rendered by the POST, not a redirect, so the secret never travels in a cookie, a URL or a log; the
 * dashboard's `no-store` keeps it out of caches and the back-forward cache.
 */
export function EndpointSecretPage({ c, endpoint, secret, createdAt, replaced }: EndpointSecretPageProps) {
  return (
    <DashboardLayout
      c={c}
      title={`Signing secret of ${endpoint.description || endpoint.url}`}
      active="webhooks"
    >
      <div class="flash" role="status">
        <p>
          {replaced
            ? 'The endpoint has a new secret: deliveries are signed with it from now on, and the old one no longer verifies. '
            : 'The endpoint is registered: events it wants are sent from now on. '}
          <strong>The secret is shown only now:</strong> copy it into the receiver before you leave this page.
          Kairo does not keep it; if it is lost, rotate it.
        </p>
      </div>
      <dl class="meta">
        <dt>Address</dt>
        <dd>
          <code class="copyable">{endpoint.url}</code>
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
      <section class="dash-section" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Verifying a delivery</h2>
        <p>
          Each delivery carries <code>{TIMESTAMP_HEADER}</code> (Unix seconds) and{' '}
          <code>{SIGNATURE_HEADER}: v1=</code> followed by the lower-case hex HMAC-SHA256, under the secret,
          of the timestamp, a dot and the raw body. Compute it over the bytes received, compare in constant
          time, and refuse a timestamp more than five minutes old. <code>api/README.md</code> (“Outgoing
          webhooks”) shows it in Node.
        </p>
      </section>
      <p>
        <a href={`/dashboard/webhooks/${endpoint.id}`}>Go to the endpoint</a>
      </p>
    </DashboardLayout>
  )
}
