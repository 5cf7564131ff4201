import { type Database, type WebhookEventType, webhookDeliveries, webhookEndpoints } from '@kairo/db'
import { and, desc, eq, sql } from 'drizzle-orm'
import { type AuditWriter, isUuid, type ListPage, outerColumn, pageNumber, toListPage } from './rows.ts'
import type { Scope } from './scope.ts'

// The studio's outgoing webhook endpoints: registering, editing, pausing, deleting and rotating
// their secrets, each write with its audit entry in one transaction. Endpoints belong to the studio,
// not to a client company: only the `all` scope sees them (the routes add the admin check), and a
// company scope finds nothing. The audit never holds the URL itself (a receiver's URL often carries
// a token in its path), only its host.

export const WEBHOOK_DELIVERIES_PAGE_SIZE = 25

/** What the forms and the API edit. */
export interface EndpointInput {
  url: string
  description: string
  events: WebhookEventType[]
}

/** An endpoint as the team's pages show it, with its deliveries counted. */
export interface EndpointRecord {
  id: string
  url: string
  description: string
  events: WebhookEventType[]
  pausedAt: Date | null
  secretCreatedAt: Date
  createdAt: Date
  updatedAt: Date
  /** Deliveries waiting for a (first or next) attempt. */
  pending: number
  /** Deliveries given up on. */
  dead: number
  /** The newest successful delivery's time; null when none. */
  lastDeliveredAt: Date | null
}

export type DeliveryState = 'delivered' | 'dead' | 'failing' | 'pending'

/** One delivery of the per-endpoint log, with its latest attempt. */
export interface DeliverySummary {
  id: string
  eventId: string
  eventType: WebhookEventType
  createdAt: Date
  state: DeliveryState
  attempts: number
  /** When the cron tries again (failing and pending rows only). */
  nextAttemptAt: Date | null
  lastAttempt: AttemptRecord | null
}

/** One try at sending, as the log keeps it. */
export interface AttemptRecord {
  at: Date
  manual: boolean
  ok: boolean
  statusCode: number | null
  excerpt: string
  durationMs: number
}

/** A delivery with every attempt (newest first) and the body it sends. */
export interface DeliveryDetail extends DeliverySummary {
  endpointId: string
  payload: Record<string, unknown>
  attemptLog: AttemptRecord[]
}

type NotFound = { ok: false; reason: 'not_found' }
const notFound: NotFound = { ok: false, reason: 'not_found' }

const hostOf = (url: string) => {
  try {
    return new URL(url).host
  } catch {
    return ''
  }
}

// Correlated subqueries name the outer row's table: a single-table select writes its columns unqualified.
const endpointId = outerColumn('webhook_endpoints', 'id')
const deliveryId = outerColumn('webhook_deliveries', 'id')

const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  pausedAt: webhookEndpoints.pausedAt,
  secretCreatedAt: webhookEndpoints.secretCreatedAt,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
  pending: sql<number>`(select count(*) from ${webhookDeliveries} d
    where d.endpoint_id = ${endpointId} and d.delivered_at is null and d.dead_at is null)`.mapWith(Number),
  dead: sql<number>`(select count(*) from ${webhookDeliveries} d
    where d.endpoint_id = ${endpointId} and d.delivered_at is null and d.dead_at is not null)`.mapWith(
    Number,
  ),
  lastDeliveredAt: sql<Date | null>`(select max(d.delivered_at) from ${webhookDeliveries} d
    where d.endpoint_id = ${endpointId})`.mapWith((value: string | null) => (value ? new Date(value) : null)),
}

/** Every endpoint, oldest first, with its counts; one statement. */
export async function listEndpoints(db: Database, scope: Scope): Promise<EndpointRecord[]> {
  if (scope.kind !== 'all') return []
  return db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id)
}

/** One endpoint with its counts; null when unknown (or out of scope). */
export async function getEndpoint(db: Database, scope: Scope, id: string): Promise<EndpointRecord | null> {
  if (scope.kind !== 'all' || !isUuid(id)) return null
  const [row] = await db.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
  return row ?? null
}

/**
 * Registers an endpoint with the key id its secret is derived from, audited as
 * `webhook_endpoint.created` (the host and the events), in one transaction. The caller has checked
 * the input (the address rules depend on the environment).
 */
export async function createEndpoint(
  db: Database,
  scope: Scope,
  input: EndpointInput,
  meta: { keyId: string; createdById: string },
  audit: AuditWriter,
): Promise<{ ok: true; endpoint: { id: string; secretCreatedAt: Date } } | NotFound> {
  if (scope.kind !== 'all') return notFound
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({ ...input, secretKeyId: meta.keyId, createdById: meta.createdById })
      .returning({ id: webhookEndpoints.id, secretCreatedAt: webhookEndpoints.secretCreatedAt })
    if (!endpoint) throw new Error('webhook endpoints: the insert returned no row')
    await audit(
      {
        action: 'webhook_endpoint.created',
        targetType: 'webhook_endpoint',
        targetId: endpoint.id,
        details: { host: hostOf(input.url), events: input.events.join(',') },
      },
      tx,
    )
    return { ok: true as const, endpoint }
  })
}

/** Locks an endpoint for a write and returns what the audit compares; null when unknown. */
async function lockEndpoint(tx: Database, id: string) {
  const [row] = await tx
    .select({
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      pausedAt: webhookEndpoints.pausedAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id))
    .for('update')
  return row ?? null
}

const sameEvents = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()

/**
 * Changes an endpoint's URL, description and events; audited as `webhook_endpoint.updated` with the
 * names of what changed. Nothing changed: no write, no audit entry. Pending deliveries go to the new
 * URL; events it no longer wants are not queued from now on, those already queued still go.
 */
export async function updateEndpoint(
  db: Database,
  scope: Scope,
  id: string,
  input: EndpointInput,
  audit: AuditWriter,
): Promise<{ ok: true; changed: string[] } | NotFound> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx) => {
    const current = await lockEndpoint(tx, id)
    if (!current) return notFound
    const changed = [
      current.url !== input.url ? 'url' : '',
      current.description !== input.description ? 'description' : '',
      sameEvents(current.events, input.events) ? '' : 'events',
    ].filter(Boolean)
    if (changed.length === 0) return { ok: true as const, changed }
    await tx.update(webhookEndpoints).set(input).where(eq(webhookEndpoints.id, id))
    await audit(
      {
        action: 'webhook_endpoint.updated',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { changed: changed.join(','), host: hostOf(input.url), events: input.events.join(',') },
      },
      tx,
    )
    return { ok: true as const, changed }
  })
}

/**
 * Pauses (no new deliveries are queued, pending ones wait) or enables an endpoint; audited as
 * `webhook_endpoint.paused` / `.enabled`. Already in that state: `changed` false, no audit entry.
 */
export async function setEndpointPaused(
  db: Database,
  scope: Scope,
  id: string,
  paused: boolean,
  audit: AuditWriter,
): Promise<{ ok: true; changed: boolean } | NotFound> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx) => {
    const current = await lockEndpoint(tx, id)
    if (!current) return notFound
    if ((current.pausedAt !== null) === paused) return { ok: true as const, changed: false }
    await tx
      .update(webhookEndpoints)
      .set({ pausedAt: paused ? sql`now()` : null })
      .where(eq(webhookEndpoints.id, id))
    await audit(
      {
        action: paused ? 'webhook_endpoint.paused' : 'webhook_endpoint.enabled',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { host: hostOf(current.url) },
      },
      tx,
    )
    return { ok: true as const, changed: true }
  })
}

/**
 * Stores a new key id, so the endpoint's secret changes at once (deliveries signed from now on use
 * the new one); audited as `webhook_endpoint.secret_rotated` (never the key id).
 */
export async function rotateEndpointSecret(
  db: Database,
  scope: Scope,
  id: string,
  keyId: string,
  audit: AuditWriter,
): Promise<{ ok: true; url: string; description: string; secretCreatedAt: Date } | NotFound> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secretKeyId: keyId, secretCreatedAt: sql`now()`, updatedAt: sql`${webhookEndpoints.updatedAt}` })
      .where(eq(webhookEndpoints.id, id))
      .returning({
        url: webhookEndpoints.url,
        description: webhookEndpoints.description,
        secretCreatedAt: webhookEndpoints.secretCreatedAt,
      })
    if (!row) return notFound
    await audit(
      {
        action: 'webhook_endpoint.secret_rotated',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { host: hostOf(row.url) },
      },
      tx,
    )
    return { ok: true as const, ...row }
  })
}

/** Deletes an endpoint with its deliveries and their log; audited as `webhook_endpoint.deleted`. */
export async function deleteEndpoint(
  db: Database,
  scope: Scope,
  id: string,
  audit: AuditWriter,
): Promise<{ ok: true; description: string; url: string } | NotFound> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id))
      .returning({ url: webhookEndpoints.url, description: webhookEndpoints.description })
    if (!row) return notFound
    await audit(
      {
        action: 'webhook_endpoint.deleted',
        targetType: 'webhook_endpoint',
        targetId: id,
        details: { host: hostOf(row.url), description: row.description.slice(0, 120) },
      },
      tx,
    )
    return { ok: true as const, ...row }
  })
}

const stateOf = sql<DeliveryState>`case
  when ${webhookDeliveries.deliveredAt} is not null then 'delivered'
  when ${webhookDeliveries.deadAt} is not null then 'dead'
  when ${webhookDeliveries.lastError} is not null then 'failing'
  else 'pending' end`

/** The newest attempt of the outer delivery, as json (null before the first). */
const lastAttemptJson = sql<AttemptJson | null>`(select json_build_object(
    'at', a.at, 'manual', a.manual, 'ok', a.ok, 'statusCode', a.status_code, 'excerpt', a.excerpt,
    'durationMs', a.duration_ms)
  from app.webhook_delivery_attempts a where a.delivery_id = ${deliveryId}
  order by a.at desc, a.id desc limit 1)`

type AttemptJson = Omit<AttemptRecord, 'at'> & { at: string }
const attemptOf = (json: AttemptJson): AttemptRecord => ({ ...json, at: new Date(json.at) })

const deliveryColumns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  createdAt: webhookDeliveries.createdAt,
  state: stateOf,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastAttempt: lastAttemptJson,
}

function summaryOf<T extends { state: DeliveryState; nextAttemptAt: Date; lastAttempt: AttemptJson | null }>(
  row: T,
) {
  const waiting = row.state === 'pending' || row.state === 'failing'
  return {
    ...row,
    nextAttemptAt: waiting ? row.nextAttemptAt : null,
    lastAttempt: row.lastAttempt ? attemptOf(row.lastAttempt) : null,
  }
}

/**
 * One endpoint's deliveries, newest first, a page at a time, each with its latest attempt; one
 * statement (the total from `count(*) over ()`). The caller has found the endpoint.
 */
export async function listDeliveries(
  db: Database,
  scope: Scope,
  endpointId: string,
  options: { page?: number } = {},
): Promise<ListPage<DeliverySummary>> {
  const page = pageNumber(options.page)
  const pageSize = WEBHOOK_DELIVERIES_PAGE_SIZE
  if (scope.kind !== 'all' || !isUuid(endpointId)) return { items: [], page, pageSize, total: 0 }
  const rows = await db
    .select({ ...deliveryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
  return toListPage(rows.map(summaryOf), page, pageSize)
}

/** One delivery of an endpoint with its whole log (newest attempt first) and payload; one statement. */
export async function getDelivery(
  db: Database,
  scope: Scope,
  endpointId: string,
  deliveryId: string,
): Promise<DeliveryDetail | null> {
  if (scope.kind !== 'all' || !isUuid(endpointId) || !isUuid(deliveryId)) return null
  const attemptLog = sql<AttemptJson[]>`coalesce((select json_agg(json_build_object(
      'at', a.at, 'manual', a.manual, 'ok', a.ok, 'statusCode', a.status_code, 'excerpt', a.excerpt,
      'durationMs', a.duration_ms) order by a.at desc, a.id desc)
    from app.webhook_delivery_attempts a where a.delivery_id = ${deliveryId}), '[]'::json)`
  const [row] = await db
    .select({
      ...deliveryColumns,
      endpointId: webhookDeliveries.endpointId,
      payload: webhookDeliveries.payload,
      attemptLog,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
  if (!row) return null
  return { ...summaryOf(row), attemptLog: row.attemptLog.map(attemptOf) }
}

/** A delivery with what sending it needs (its endpoint's URL and key id); null when unknown. */
export async function findDeliveryToSend(db: Database, scope: Scope, endpointId: string, deliveryId: string) {
  if (scope.kind !== 'all' || !isUuid(endpointId) || !isUuid(deliveryId)) return null
  const [row] = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      createdAt: webhookDeliveries.createdAt,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      secretKeyId: webhookEndpoints.secretKeyId,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
  return row ?? null
}
