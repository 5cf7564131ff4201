import type { Context } from 'hono'
import type { EndpointRecord } from '../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../env.ts'
import { WEBHOOK_EVENT_LABELS } from '../../webhooks/outgoing/events.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

/** An endpoint's state in words: paused, or how its deliveries stand. */
export function EndpointBadge({ endpoint }: { endpoint: Pick<EndpointRecord, 'pausedAt' | 'dead'> }) {
  if (endpoint.pausedAt) return <Badge text="Paused" tone="neutral" />
  if (endpoint.dead > 0) return <Badge text="Active, with dead deliveries" tone="bad" />
  return <Badge text="Active" tone="good" />
}

/** The events an endpoint receives, as a list of their names. */
export function EventList({ events }: { events: EndpointRecord['events'] }) {
  return (
    <ul class="checklist">
      {events.map((event) => (
        <li>
          <code>{event}</code> <span class="muted">{WEBHOOK_EVENT_LABELS[event]}</span>
        </li>
      ))}
    </ul>
  )
}

/**
 * `/dashboard/webhooks` (admins): the studio's outgoing webhook endpoints, each with its state and
 * what waits, and the way to register one. Says so when the Worker cannot sign (no signing key).
 */
export function WebhooksPage({
  c,
  endpoints,
  configured,
  flash,
}: {
  c: Context<AppEnv>
  endpoints: EndpointRecord[]
  configured: boolean
  flash?: Flash
}) {
  return (
    <DashboardLayout c={c} title="Outgoing webhooks" active="webhooks" flash={flash}>
      <p>
        Kairo POSTs signed JSON to these addresses when a lead comes in, a client approves a deliverable or
        asks for changes, or an automation run fails. A receiver that does not answer 2xx is retried with
        growing pauses; every attempt is in the endpoint's log.
      </p>
      {configured ? (
        <p>
          <a class="button" href="/dashboard/webhooks/new">
            New endpoint
          </a>
        </p>
      ) : (
        <p>
          Outgoing webhooks are not configured on this server: the Worker needs the secret{' '}
          <code>WEBHOOK_SIGNING_KEY</code> to sign them.
        </p>
      )}
      <DataTable
        empty="No endpoints yet."
        caption={<>Endpoints, oldest first ({endpoints.length})</>}
        head={
          <>
            <th scope="col">Endpoint</th>
            <th scope="col">Address</th>
            <th scope="col">State</th>
            <th scope="col" class="num">
              Waiting
            </th>
            <th scope="col" class="num">
              Dead
            </th>
            <th scope="col">Last delivered</th>
          </>
        }
      >
        {endpoints.map((endpoint) => (
          <tr>
            <th scope="row">
              <a href={`/dashboard/webhooks/${endpoint.id}`}>{endpoint.description || endpoint.url}</a>
            </th>
            <td>
              <code class="copyable">{endpoint.url}</code>
            </td>
            <td>
              <EndpointBadge endpoint={endpoint} />
            </td>
            <td class="num">{endpoint.pending}</td>
            <td class="num">{endpoint.dead}</td>
            <td>
              <DateTime value={endpoint.lastDeliveredAt} empty="Never" />
            </td>
          </tr>
        ))}
      </DataTable>
    </DashboardLayout>
  )
}
