import { sql } from 'drizzle-orm'
import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'
import { users } from './users.ts'

/** What a notification is about; each kind has its own e-mail preference and unsubscribe link. */
export const notificationKind = app.enum('notification_kind', [
  'version_uploaded',
  'version_approved',
  'changes_requested',
  'comment_added',
  'automation_failed',
])

/** How a user hears of a kind: an e-mail each time, one daily digest, or only in the dashboard. */
export const notificationDelivery = app.enum('notification_delivery', ['immediate', 'digest', 'off'])

/**
 * A user's notifications, listed in the dashboard (`readAt` null counts as unread). `emailedAt` is
 * set when an outbox row was written for it, at once or in a digest; a notification of a kind the
 * user turned off is never e-mailed.
 */
export const notifications = app.table(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    companyId: uuid().references(() => companies.id, { onDelete: 'cascade' }),
    // One line, e.g. "Orbital Labs approved version 2 of Brand book".
    title: text().notNull(),
    // A dashboard path (never an absolute URL: the mail adds the origin).
    link: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt.desc()),
    // Serves the unread count on every dashboard page without reading the read ones.
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    // Serves the digest job: not yet e-mailed.
    index('notifications_not_emailed_idx').on(t.createdAt).where(sql`${t.emailedAt} is null`),
  ],
)

/** A user's choice per kind; no row means `immediate`. */
export const notificationPreferences = app.table(
  'notification_preferences',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    delivery: notificationDelivery().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

export type Notification = typeof notifications.$inferSelect
export type NewNotification = typeof notifications.$inferInsert
export type NotificationKind = (typeof notificationKind.enumValues)[number]
export type NotificationDelivery = (typeof notificationDelivery.enumValues)[number]
export type NotificationPreference = typeof notificationPreferences.$inferSelect
