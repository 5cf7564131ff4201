import { sql } from 'drizzle-orm'
import { index, integer, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { deliverableVersions } from './deliverables.ts'

export const modelJobState = app.enum('model_job_state', ['queued', 'running', 'done', 'failed'])

/**
 * The queue of 3D deliverables for the model pipeline (LODs, poster, manifest), consumed on the Node
 * side. A worker claims the oldest due job with `for update skip locked`, pushing `lockedUntil`
 * forward as a lease; a worker that dies leaves the job to be claimed again once the lease ends.
 * The job's outcome is written to its version (`viewerStatus`, `viewerError`) in the same
 * transaction as its own state.
 */
export const modelJobs = app.table(
  'model_jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => deliverableVersions.id, { onDelete: 'cascade' }),
    state: modelJobState().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('model_jobs_version_id_key').on(t.versionId),
    // Serves the claim: unfinished jobs, oldest first.
    index('model_jobs_open_idx').on(t.createdAt).where(sql`${t.state} in ('queued', 'running')`),
  ],
)

export type ModelJob = typeof modelJobs.$inferSelect
export type ModelJobState = (typeof modelJobState.enumValues)[number]
