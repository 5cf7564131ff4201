import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { SecretOncePage } from './secret-once-page.tsx'

/** Props of {@link EndpointSecretPage}. */
export interface EndpointSecretPageProps {
  c: Context<AppEnv>
  endpoint: { id: string; url: string; description: string }
  secret: string
  createdAt: Date
  /** True after a rotation (the old secret stopped signing), false after registration. */
  replaced: boolean
}

/** The answer to registering an outgoing endpoint or rotating its secret: the secret, this once. */
export function EndpointSecretPage({ c, endpoint, secret, createdAt, replaced }: EndpointSecretPageProps) {
  return (
    <SecretOncePage
      c={c}
      title={`Signing secret of ${endpoint.description || endpoint.url}`}
      active="webhooks"
      notice={
        replaced
          ? 'The endpoint has a new secret: deliveries are signed with it from now on, and the old one no longer verifies.'
          : 'The endpoint is registered: events it wants are sent from now on.'
      }
      copyInto="the receiver"
      whenLost="rotate it"
      address={{ label: 'Address', value: endpoint.url }}
      secret={secret}
      createdAt={createdAt}
      back={{ href: `/dashboard/webhooks/${endpoint.id}`, label: 'Go to the endpoint' }}
    >
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
    </SecretOncePage>
  )
}
