import { type Database, notificationPreferences, users } from '@kairo/db'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { AuditWriter } from '../data/rows.ts'
import { NOTIFICATION_KINDS, type NotificationDelivery, type NotificationKind } from './kinds.ts'
import type { UnsubscribeTarget } from './unsubscribe-token.ts'

// A user's choice per notification kind: an e-mail each time (the default: no row), a daily digest,
// or only the dashboard. Read for the profile and `/api/v1`, saved by the profile's one form, and set
// to `off` by an unsubscribe link.

/** Every kind with its delivery; kinds without a row are `immediate`. */
export type Preferences = Record<NotificationKind, NotificationDelivery>

/** Fills in `immediate` for the kinds a stored object lacks. */
export function withDefaults(stored: Partial<Record<string, string>> | null | undefined): Preferences {
  const preferences = {} as Preferences
  for (const kind of NOTIFICATION_KINDS) {
    const value = stored?.[kind]
    preferences[kind] = value === 'digest' || value === 'off' ? value : 'immediate'
  }
  return preferences
}

/**
 * The user's stored choices as one json object (`{ "version_uploaded": "digest" }`), a scalar
 * subquery to add to a page's own statement (the profile's), so reading them costs no round trip.
 */
export function preferencesSubquery(userId: SQL | string): SQL<Record<string, string> | null> {
  return sql`(select json_object_agg(p.kind, p.delivery) from ${notificationPreferences} p where p.user_id = ${userId})`
}

/** The user's choices, every kind filled in (one statement). */
export async function readPreferences(db: Database, userId: string): Promise<Preferences> {
  const [row] = await db.execute<{ stored: Record<string, string> | null }>(
    sql`select ${preferencesSubquery(userId)} as stored`,
  )
  return withDefaults(row?.stored)
}

/**
 * Saves the choices given (kinds left out keep theirs) and, when any changed, writes
 * `notifications.preferences_changed` with each changed kind's new value, in one transaction.
 * Returns the choices as they now are and the kinds that changed.
 */
export async function savePreferences(
  db: Database,
  userId: string,
  given: Partial<Preferences>,
  audit: AuditWriter,
): Promise<{ preferences: Preferences; changed: NotificationKind[] }> {
  return db.transaction(async (tx) => {
    // Locks the user's rows so two saves at once cannot both read the old values for their audit.
    const [row] = await tx.execute<{ stored: Record<string, string> | null }>(
      sql`select ${preferencesSubquery(userId)} as stored from ${users} where id = ${userId} for no key update`,
    )
    const before = withDefaults(row?.stored)
    const changed = NOTIFICATION_KINDS.filter(
      (kind) => given[kind] !== undefined && given[kind] !== before[kind],
    )
    const after = { ...before }
    for (const kind of changed) after[kind] = given[kind] as NotificationDelivery
    if (changed.length === 0) return { preferences: before, changed }
    await tx
      .insert(notificationPreferences)
      .values(changed.map((kind) => ({ userId, kind, delivery: after[kind] })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
      })
    await audit(
      {
        action: 'notifications.preferences_changed',
        targetType: 'user',
        targetId: userId,
        details: Object.fromEntries(changed.map((kind) => [kind, after[kind]])),
      },
      tx,
    )
    return { preferences: after, changed }
  })
}

/**
 * What an unsubscribe link does: its kind set to `off`, or (the digest's link) every kind set to
 * `digest` set to `off`; audited as `notifications.unsubscribed` with the user as actor (the link
 * needs no sign-in). `not_found` when the account no longer exists. Repeating it changes nothing.
 */
export async function unsubscribe(
  db: Database,
  target: UnsubscribeTarget,
  audit: AuditWriter,
): Promise<{ ok: true; kinds: NotificationKind[] } | { ok: false; reason: 'not_found' }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, target.userId))
      .for('no key update')
    if (!user) return { ok: false as const, reason: 'not_found' as const }
    let kinds: NotificationKind[]
    if (target.scope === 'digest') {
      const rows = await tx
        .update(notificationPreferences)
        .set({ delivery: 'off', updatedAt: sql`now()` })
        .where(
          and(
            eq(notificationPreferences.userId, target.userId),
            eq(notificationPreferences.delivery, 'digest'),
          ),
        )
        .returning({ kind: notificationPreferences.kind })
      kinds = rows.map((r) => r.kind)
    } else {
      const rows = await tx
        .insert(notificationPreferences)
        .values({ userId: target.userId, kind: target.scope, delivery: 'off' })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { delivery: 'off', updatedAt: sql`now()` },
          setWhere: sql`${notificationPreferences.delivery} <> 'off'`,
        })
        .returning({ kind: notificationPreferences.kind })
      kinds = rows.map((r) => r.kind)
    }
    if (kinds.length > 0) {
      await audit(
        {
          action: 'notifications.unsubscribed',
          actorId: target.userId,
          targetType: 'user',
          targetId: target.userId,
          details: { scope: target.scope, kinds: kinds.join(',') },
        },
        tx,
      )
    }
    return { ok: true as const, kinds }
  })
}
