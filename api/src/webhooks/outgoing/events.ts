import { type WebhookEventType, webhookDeliveries, webhookEndpoints, webhookEventType } from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'

// The events outgoing webhooks announce, and the one way they are queued: as part of the statement
// (or at least the transaction) that writes the event itself, so a delivery exists exactly when its
// event committed, and writing the event costs no extra round trip.

/** Every event type, in the order the forms list them. */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = webhookEventType.enumValues

/** What each event is, in words (forms, the log). */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'lead.created': 'Lead created (the contact form)',
  'deliverable.approved': 'Deliverable approved by the client',
  'deliverable.changes_requested': 'Changes requested by the client',
  'automation_run.failed': 'Automation run failed',
}

/** One event to queue: its type, its id (shared by every endpoint's copy), and its `data` as SQL. */
export interface QueuedEvent {
  type: WebhookEventType
  /** A random uuid made by the writer, so all copies of one event carry the same id. */
  eventId: string
  /** A `jsonb` expression: the body's `data`. It may name the columns of `from`. */
  data: SQL
  /** Row sources the data reads (a CTE of the statement, say `lead l`); joined with the endpoints. */
  from?: SQL
  /** A condition on `from` (e.g. only a run that failed). */
  where?: SQL
}

/**
 * `insert … select` of one delivery row per active endpoint subscribed to the event (none when no
 * endpoint wants it). Meant as a data-modifying CTE of the event's own statement (`with lead as
 * (insert …), hooks as (${queueWebhookEvent(…)}) select …`): Postgres runs it once, in the
 * statement's snapshot, at no extra round trip. The GIN index on `events` (active endpoints only)
 * serves the `@>`.
 */
export function queueWebhookEvent(event: QueuedEvent): SQL {
  const type = sql`${event.type}::app.webhook_event_type`
  return sql`insert into ${webhookDeliveries} (endpoint_id, event_id, event_type, payload)
    select e.id, ${event.eventId}::uuid, ${type}, ${event.data}
    from ${event.from ? sql`${event.from}, ` : sql``}${webhookEndpoints} e
    where e.paused_at is null and e.events @> array[${type}]
      ${event.where ? sql`and (${event.where})` : sql``}`
}

/** A timestamp column as the ISO 8601 text JavaScript writes (`2026-03-04T09:30:00.123Z`). */
export function isoTime(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
}
