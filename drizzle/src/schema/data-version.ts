import { sql } from 'drizzle-orm'
import { bigint, boolean, check } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/**
 * One row holding a counter that triggers (migration 0003) raise in the same transaction as any write
 * to what the dashboard's cached reads show: companies, projects and their milestones and
 * deliverables (0006: their versions, comments and the activity feed), automations and their runs,
 * user names, and automation pause/resume audit entries.
 * The session statement reads it, so a page can tell whether a cached read is still current without
 * another round trip (api/src/data/read-cache.ts). Because the new value becomes visible only when the
 * writing transaction commits, a reader never sees new data under an old version.
 */
export const dataVersion = app.table(
  'data_version',
  {
    // Always true: the primary key that makes this a one-row table.
    id: boolean().primaryKey().default(true),
    version: bigint({ mode: 'bigint' }).notNull().default(sql`0`),
  },
  (t) => [check('data_version_single_row', sql`${t.id}`)],
)
