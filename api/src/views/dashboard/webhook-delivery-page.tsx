import type { Context } from 'hono'
import type { DeliveryDetail, EndpointRecord } from '../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../env.ts'
import { DELIVERY_HEADER, deliveryBody, EVENT_HEADER } from '../../webhooks/outgoing/send.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../webhooks/signature.ts'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'
import { AnswerOf, DeliveryBadge } from './webhook-endpoint-page.tsx'

/**
 * `/dashboard/webhooks/<id>/deliveries/<deliveryId>` (admins): one delivery's every attempt (the
 * cron's and the team's, with the answer, its time and how long it took), the body it sends, and
 * "Send again", whose result this page shows after the post.
 */
export function DeliveryPage({
  c,
  endpoint,
  delivery,
  flash,
}: {
  c: Context<AppEnv>
  endpoint: Pick<EndpointRecord, 'id' | 'url' | 'description'>
  delivery: DeliveryDetail
  flash?: Flash
}) {
  const base = `/dashboard/webhooks/${endpoint.id}`
  const body = JSON.stringify(JSON.parse(deliveryBody(delivery)), null, 2)
  return (
    <DashboardLayout
      c={c}
      title={`${delivery.eventType} to ${endpoint.description || endpoint.url}`}
      active="webhooks"
      flash={flash}
    >
      <p>
        <a href={base}>Back to the endpoint</a>
      </p>
      <dl class="meta">
        <dt>State</dt>
        <dd>
          <DeliveryBadge state={delivery.state} />
          {delivery.nextAttemptAt && (
            <>
              {' '}
              next try <DateTime value={delivery.nextAttemptAt} />
            </>
          )}
        </dd>
        <dt>Event</dt>
        <dd>
          <code>{delivery.eventType}</code>, id <code class="copyable">{delivery.eventId}</code>, written{' '}
          <DateTime value={delivery.createdAt} />
        </dd>
        <dt>Delivery id</dt>
        <dd>
          <code class="copyable">{delivery.id}</code> (the <code>{DELIVERY_HEADER}</code> header)
        </dd>
      </dl>
      <form method="post" action={`${base}/deliveries/${delivery.id}/send`} class="actions dash-section">
        <button class="button" type="submit">
          Send again
        </button>
        <span class="muted">One attempt now; the answer appears here.</span>
      </form>
      <section class="dash-section" aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Attempts</h2>
        <DataTable
          empty="Not tried yet: the next run of the delivery job sends it, within a minute."
          caption={<>Attempts, newest first ({delivery.attemptLog.length})</>}
          hiddenCaption
          head={
            <>
              <th scope="col">When</th>
              <th scope="col">By</th>
              <th scope="col">Result</th>
              <th scope="col">Answer</th>
              <th scope="col" class="num">
                Took
              </th>
            </>
          }
        >
          {delivery.attemptLog.map((attempt) => (
            <tr>
              <th scope="row">
                <DateTime value={attempt.at} />
              </th>
              <td>{attempt.manual ? 'Send again' : 'Delivery job'}</td>
              <td>{attempt.ok ? 'Delivered' : 'Failed'}</td>
              <td>
                <AnswerOf attempt={attempt} />
              </td>
              <td class="num">{attempt.durationMs} ms</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section class="dash-section" aria-labelledby="body-heading">
        <h2 id="body-heading">What is sent</h2>
        <p>
          A POST with <code>Content-Type: application/json</code>, <code>{EVENT_HEADER}</code>,{' '}
          <code>{DELIVERY_HEADER}</code>, and <code>{TIMESTAMP_HEADER}</code> and{' '}
          <code>{SIGNATURE_HEADER}</code> made for each attempt. The body (shown indented; it is sent on one
          line):
        </p>
        {/* Wrapped, not scrolled: a scrolling region would need a keyboard stop of its own. */}
        <pre class="payload copyable">
          <code>{body}</code>
        </pre>
      </section>
    </DashboardLayout>
  )
}
