import { index, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/**
 * Fixed-window request counters shared by every Worker isolate: one row per key (e.g.
 * `contact:ip:203.0.113.7`) and window start. A request increments its row with one atomic
 * `insert … on conflict do update set count = count + 1 returning count`, so two isolates can never
 * both see the same count. Rows of past windows are dead weight; delete them by `windowStart`.
 */
export const rateLimits = app.table(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'rate_limits_pkey', columns: [t.key, t.windowStart] }),
    // Serves the clean-up of expired windows.
    index('rate_limits_window_start_idx').on(t.windowStart),
  ],
)

export type RateLimit = typeof rateLimits.$inferSelect
