import { type Database, outbox } from '@kairo/db'
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { type AuditWriter, isUuid, type ListPage, pageNumber, toListPage } from './rows.ts'
import type { Scope } from './scope.ts'

// The undelivered mail admins look after: dead messages (the job gave up) and failing ones (at
// least one attempt failed, retries pending). Only the `all` scope sees them; the routes add the
// admin check. The payload is never shown: it can hold a reset or invitation link.

export const OUTBOX_PAGE_SIZE = 25

/** One undelivered message as the admin's list shows it. */
export interface OutboxProblem {
  id: string
  kind: string
  /** The recipient when the payload names one; lead notifications go to the studio (`null`). */
  recipient: string | null
  state: 'dead' | 'failing'
  attempts: number
  lastError: string | null
  createdAt: Date
  /** When the job tries again; null for a dead message. */
  nextAttemptAt: Date | null
  deadAt: Date | null
}

/** Dead first, then failing; newest first within each. One statement, total included. */
export async function listOutboxProblems(
  db: Database,
  scope: Scope,
  options: { page?: number } = {},
): Promise<ListPage<OutboxProblem>> {
  const page = pageNumber(options.page)
  if (scope.kind !== 'all') return { items: [], page, pageSize: OUTBOX_PAGE_SIZE, total: 0 }
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      recipient: sql<string | null>`${outbox.payload} ->> 'to'`,
      dead: sql<boolean>`${outbox.deadAt} is not null`,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      nextAttemptAt: outbox.nextAttemptAt,
      deadAt: outbox.deadAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), or(isNotNull(outbox.deadAt), isNotNull(outbox.lastError))))
    .orderBy(sql`${outbox.deadAt} is null`, desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
  const items = rows.map(({ dead, nextAttemptAt, ...row }) => ({
    ...row,
    state: dead ? ('dead' as const) : ('failing' as const),
    nextAttemptAt: dead ? null : nextAttemptAt,
  }))
  return toListPage(items, page, OUTBOX_PAGE_SIZE)
}

export type RetryResult = { ok: true; kind: string } | { ok: false; reason: 'not_found' | 'delivered' }

/**
 * Queues an undelivered message again at once: the attempt count starts over and a dead message
 * comes back to life. Audited as `outbox.retried` (kind and the attempts it had) in the same
 * transaction. A delivered message is left alone (`delivered`); an unknown id is `not_found`.
 */
export async function retryOutboxMessage(
  db: Database,
  scope: Scope,
  id: string,
  audit: AuditWriter,
  now: Date = new Date(),
): Promise<RetryResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ kind: outbox.kind, sentAt: outbox.sentAt, attempts: outbox.attempts, deadAt: outbox.deadAt })
      .from(outbox)
      .where(eq(outbox.id, id))
      .for('update')
    if (!row) return { ok: false as const, reason: 'not_found' as const }
    if (row.sentAt) return { ok: false as const, reason: 'delivered' as const }
    await tx
      .update(outbox)
      .set({ attempts: 0, deadAt: null, nextAttemptAt: now })
      .where(and(eq(outbox.id, id), isNull(outbox.sentAt)))
    await audit(
      {
        action: 'outbox.retried',
        targetType: 'outbox',
        targetId: id,
        details: { kind: row.kind, attempts: row.attempts, wasDead: row.deadAt !== null },
      },
      tx,
    )
    return { ok: true as const, kind: row.kind }
  })
}
