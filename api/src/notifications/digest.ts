import { type Database, notificationPreferences, notifications, outbox, users } from '@kairo/db'
import { sql } from 'drizzle-orm'
import { notificationOutboxKind } from './index.ts'

// The daily digest: per user, ONE outbox e-mail listing the notifications not yet e-mailed of the
// kinds they set to `digest`, and those notifications marked e-mailed, in one statement (so in one
// transaction: the rows are marked if and only if the e-mail is queued). A second run finds them
// marked and sends nothing: running it twice sends one digest. Rows it is writing are locked and
// skipped by an overlapping run. `off` kinds never match, so they are never e-mailed.

/**
 * How far back a digest reaches. A notification of a kind that was `off` when it came stays
 * un-e-mailed; switching the kind to `digest` later must not mail a backlog of weeks, only what a
 * missed day or two left.
 */
const DIGEST_WINDOW = '2 days'

export interface DigestReport {
  /** Digest e-mails written (one per user). */
  digests: number
  /** Notifications they list. */
  notifications: number
}

/** Writes the digests; `origin` makes the e-mailed links absolute. */
export async function writeDigests(
  db: Database,
  origin: string,
  now: Date = new Date(),
): Promise<DigestReport> {
  const [row] = await db.execute<{ digests: number; notifications: number }>(sql`
    with due as (
      select n.id, n.user_id, n.kind, n.title, n.link, n.created_at
      from ${notifications} n
      join ${notificationPreferences} p on p.user_id = n.user_id and p.kind = n.kind and p.delivery = 'digest'
      join ${users} u on u.id = n.user_id and u.disabled_at is null
      where n.emailed_at is null and n.created_at > ${now.toISOString()}::timestamptz - ${DIGEST_WINDOW}::interval
      for update of n skip locked
    ),
    marked as (
      update ${notifications} set emailed_at = ${now.toISOString()}::timestamptz
      where id in (select id from due)
      returning id
    ),
    mailed as (
      insert into ${outbox} (kind, payload)
      select ${notificationOutboxKind('digest')}, jsonb_build_object(
        'to', u.email, 'name', u.name, 'userId', u.id, 'origin', ${origin}::text,
        'items', jsonb_agg(jsonb_build_object(
          'kind', d.kind, 'title', d.title, 'url', ${origin}::text || d.link, 'createdAt', d.created_at
        ) order by d.created_at, d.id))
      from due d join ${users} u on u.id = d.user_id
      group by u.id
      returning 1
    )
    select (select count(*) from mailed)::int as digests, (select count(*) from marked)::int as notifications
  `)
  return { digests: Number(row?.digests ?? 0), notifications: Number(row?.notifications ?? 0) }
}
