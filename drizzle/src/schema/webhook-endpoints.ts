import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { users } from './users.ts'

/** The events an outgoing webhook endpoint may subscribe to. */
export const webhookEventType = app.enum('webhook_event_type', [
  'lead.created',
  'deliverable.approved',
  'deliverable.changes_requested',
  'automation_run.failed',
])

/**
 * A receiver the studio registered for outgoing webhooks (Kairo → the studio's own systems). Like the
 * incoming run webhook, nothing secret is stored: the signing secret is derived from `secretKeyId`
 * under the Worker's `WEBHOOK_SIGNING_KEY` (api/src/webhooks/), and rotating stores a new key id.
 * `pausedAt` set means the endpoint gets no new deliveries and its pending ones wait.
 */
export const webhookEndpoints = app.table(
  'webhook_endpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    url: text().notNull(),
    description: text().notNull().default(''),
    // Note: an enum array. The clients run with `fetch_types: false`, so postgres.js hands it over as
    // the array's text (`{lead.created,…}`) and Drizzle's column parses it; raw `execute` reads of it
    // would get the text.
    events: webhookEventType().array().notNull(),
    secretKeyId: text().notNull(),
    secretCreatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    pausedAt: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex('webhook_endpoints_secret_key_id_key').on(t.secretKeyId),
    index('webhook_endpoints_created_by_id_idx').on(t.createdById),
    // Serves the event writers' "active endpoints subscribed to this event" (`$event = any(events)`).
    index('webhook_endpoints_events_idx').using('gin', t.events).where(sql`${t.pausedAt} is null`),
  ],
)

/**
 * One event to send to one endpoint, written in the same transaction as the event itself. The body
 * sent is `{ id: eventId, type, createdAt, data: payload }`; `eventId` is shared by every endpoint's
 * copy of one event, `id` (the `Kairo-Delivery` header) is this copy's. Delivery mirrors the mail
 * outbox: `nextAttemptAt` is when the cron may next try (a claim pushes it by a lease, a failure by
 * the backoff), `deliveredAt` ends it, `deadAt` is set when it gave up. `attempts` counts the cron's
 * claims; every try (the cron's or a "send again") is a row of `webhook_delivery_attempts`.
 */
export const webhookDeliveries = app.table(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid().notNull(),
    eventType: webhookEventType().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
    deadAt: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastError: text(),
  },
  (t) => [
    // Serves the delivery cron's claim: due, not delivered, not dead.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.deadAt} is null`),
    // Serves the foreign key and the per-endpoint log, newest first.
    index('webhook_deliveries_endpoint_id_created_at_idx').on(t.endpointId, t.createdAt.desc()),
    // One copy of an event per endpoint.
    uniqueIndex('webhook_deliveries_endpoint_id_event_id_key').on(t.endpointId, t.eventId),
  ],
)

/** One try at sending a delivery: what the receiver answered (or why nothing came back), and how long. */
export const webhookDeliveryAttempts = app.table(
  'webhook_delivery_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // True for a team member's "send again", false for the cron's.
    manual: boolean().notNull().default(false),
    ok: boolean().notNull(),
    // Null when no answer came (network error, timeout, refused address).
    statusCode: integer(),
    // The first few hundred characters of the answer, or the reason no answer came.
    excerpt: text().notNull().default(''),
    durationMs: integer().notNull(),
  },
  (t) => [index('webhook_delivery_attempts_delivery_id_at_idx').on(t.deliveryId, t.at.desc())],
)

export type WebhookEventType = (typeof webhookEventType.enumValues)[number]
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect
export type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect
export type WebhookDeliveryAttempt = typeof webhookDeliveryAttempts.$inferSelect
