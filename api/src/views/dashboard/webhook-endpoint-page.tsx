import type { Context } from 'hono'
import type { ListPage } from '../../data/rows.ts'
import type { DeliveryState, DeliverySummary, EndpointRecord } from '../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../env.ts'
import { Badge, type BadgeProps } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime, formatDateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import { Pager } from '../kit/pager.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'
import { EndpointBadge, EventList } from './webhooks-page.tsx'

const STATES: Record<DeliveryState, BadgeProps> = {
  delivered: { text: 'Delivered', tone: 'good' },
  failing: { text: 'Failing, will retry', tone: 'warn' },
  pending: { text: 'Waiting', tone: 'active' },
  dead: { text: 'Dead', tone: 'bad' },
}

/** A delivery's state in words. */
export function DeliveryBadge({ state }: { state: DeliveryState }) {
  return <Badge {...STATES[state]} />
}

/** An attempt's answer: the status code, or that none came. */
export function AnswerOf({ attempt }: { attempt: DeliverySummary['lastAttempt'] }) {
  if (!attempt) return <NoValue />
  return (
    <>
      {attempt.statusCode ?? 'No answer'}
      {attempt.excerpt && (
        <>
          {' '}
          <span class="muted">{attempt.excerpt}</span>
        </>
      )}
    </>
  )
}

/**
 * `/dashboard/webhooks/<id>` (admins): the endpoint (address, events, state, secret's age), its
 * actions as POST forms (edit is a page; pause or enable, rotate the secret, delete behind a
 * confirmation), and its delivery log, newest first, with "Send again" on every row.
 */
export function EndpointPage({
  c,
  endpoint,
  deliveries,
  flash,
}: {
  c: Context<AppEnv>
  endpoint: EndpointRecord
  deliveries: ListPage<DeliverySummary>
  flash?: Flash
}) {
  const base = `/dashboard/webhooks/${endpoint.id}`
  return (
    <DashboardLayout c={c} title={endpoint.description || endpoint.url} active="webhooks" flash={flash}>
      <p>
        <a href="/dashboard/webhooks">Back to webhooks</a>
      </p>
      <dl class="meta">
        <dt>Address</dt>
        <dd>
          <code class="copyable">{endpoint.url}</code>
        </dd>
        <dt>State</dt>
        <dd>
          <EndpointBadge endpoint={endpoint} />
          {endpoint.pausedAt && (
            <>
              {' '}
              since <DateTime value={endpoint.pausedAt} />: no new events are queued, and waiting deliveries
              wait
            </>
          )}
        </dd>
        <dt>Secret</dt>
        <dd>
          Made <DateTime value={endpoint.secretCreatedAt} />; it was shown once.
        </dd>
        <dt>Registered</dt>
        <dd>
          <DateTime value={endpoint.createdAt} />
        </dd>
      </dl>
      <section class="dash-section" aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <EventList events={endpoint.events} />
      </section>
      <section class="dash-section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Change it</h2>
        <ul class="actions">
          <li>
            <a class="button button--quiet" href={`${base}/edit`}>
              Edit endpoint
            </a>
          </li>
          <li>
            <form method="post" action={`${base}/${endpoint.pausedAt ? 'enable' : 'pause'}`}>
              <button class="button button--quiet" type="submit">
                {endpoint.pausedAt ? 'Enable endpoint' : 'Pause endpoint'}
              </button>
            </form>
          </li>
          <li>
            <form method="post" action={`${base}/secret`}>
              <button class="button button--quiet" type="submit">
                Rotate signing secret
              </button>
            </form>
          </li>
          <li>
            <a class="button button--quiet" href={`${base}/delete`}>
              Delete endpoint
            </a>
          </li>
        </ul>
        <p class="muted">
          A new secret takes effect at once: the receiver needs it before the next delivery.
        </p>
      </section>
      <section class="dash-section" aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <DataTable
          empty={deliveries.total === null ? undefined : 'Nothing has been sent to this endpoint yet.'}
          caption={<>Deliveries, newest first{deliveries.total !== null && ` (${deliveries.total})`}</>}
          hiddenCaption
          head={
            <>
              <th scope="col">Event</th>
              <th scope="col">State</th>
              <th scope="col" class="num">
                Attempts
              </th>
              <th scope="col">Last answer</th>
              <th scope="col">Last attempt</th>
              <th scope="col">Action</th>
            </>
          }
        >
          {deliveries.items.map((delivery) => (
            <DeliveryRow base={base} delivery={delivery} />
          ))}
        </DataTable>
        <Pager
          label="Delivery log pages"
          path={base}
          query={{}}
          page={deliveries.page}
          pageSize={deliveries.pageSize}
          total={deliveries.total}
        />
      </section>
    </DashboardLayout>
  )
}

function DeliveryRow({ base, delivery }: { base: string; delivery: DeliverySummary }) {
  const href = `${base}/deliveries/${delivery.id}`
  const last = delivery.lastAttempt
  return (
    <tr>
      <th scope="row">
        <a href={href}>
          <code>{delivery.eventType}</code>
        </a>{' '}
        <DateTime value={delivery.createdAt} />
      </th>
      <td>
        <DeliveryBadge state={delivery.state} />
        {delivery.nextAttemptAt && (
          <>
            {' '}
            next try <DateTime value={delivery.nextAttemptAt} />
          </>
        )}
      </td>
      <td class="num">{delivery.attempts}</td>
      <td>
        <AnswerOf attempt={last} />
      </td>
      <td>{last ? <DateTime value={last.at} /> : <span class="muted">Not yet</span>}</td>
      <td>
        <form method="post" action={`${href}/send`}>
          <button class="button button--quiet" type="submit">
            Send again
            <span class="visually-hidden">{` the ${delivery.eventType} of ${formatDateTime(delivery.createdAt)}`}</span>
          </button>
        </form>
      </td>
    </tr>
  )
}
