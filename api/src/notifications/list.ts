import { type Database, notifications } from '@kairo/db'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { isUuid, type ListPage, pageNumber, toListPage } from '../data/rows.ts'
import type { NotificationKind } from './kinds.ts'

// The signed-in user's own notifications: the list, marking read, and opening one. Every statement
// carries the user's id, so another user's notification id matches no row: the same "not found" as
// an id that never existed, and nothing changes.

export const NOTIFICATIONS_PAGE_SIZE = 25

/** One notification as the list shows it. */
export interface NotificationItem {
  id: string
  kind: NotificationKind
  title: string
  link: string
  createdAt: Date
  readAt: Date | null
}

/** Newest first, one statement (total included; `notifications_user_id_created_at_idx`). */
export async function listNotifications(
  db: Database,
  userId: string,
  options: { page?: number } = {},
): Promise<ListPage<NotificationItem>> {
  const page = pageNumber(options.page)
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
  return toListPage(rows, page, NOTIFICATIONS_PAGE_SIZE)
}

/**
 * Marks one of the user's notifications read (keeping the first read time). `changed` false when it
 * was read already; null when it is not the user's (or does not exist).
 */
export async function markRead(
  db: Database,
  userId: string,
  id: string,
): Promise<{ changed: boolean } | null> {
  if (!isUuid(id)) return null
  // One statement: the old read time comes from the row as it was before the update (a self-join).
  const [row] = await db.execute<{ was_read: boolean }>(sql`
    update ${notifications} n set read_at = coalesce(old.read_at, now())
    from ${notifications} old
    where n.id = ${id} and n.user_id = ${userId} and old.id = n.id
    returning old.read_at is not null as was_read
  `)
  return row ? { changed: !row.was_read } : null
}

/** Marks every unread notification of the user read; how many there were. */
export async function markAllRead(db: Database, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.length
}

/** Marks the notification read and gives its link (what `/open` redirects to); null when not the user's. */
export async function openNotification(db: Database, userId: string, id: string): Promise<string | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ link: notifications.link })
  return row?.link ?? null
}
