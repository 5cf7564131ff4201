import {
  activityEvents,
  type Database,
  deliverableVersions,
  modelJobs,
  projectDeliverables,
  projects,
} from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { deliverableOfProject } from './deliverables.ts'
import { isUuid } from './rows.ts'
import type { Scope } from './scope.ts'

// The queue of 3D deliverables (`app.model_jobs`) as the pipeline worker sees it through
// `/internal/model-jobs`: claim the oldest due job under a lease, read what a leased job needs, and
// record its outcome on the job and its version in one transaction, with the company's activity event.
// A worker that dies keeps its lease until it ends; the job is then claimable again, up to
// MODEL_JOB_MAX_ATTEMPTS claims, after which it fails for good and the file stays downloadable.

/** How long a claim holds a job: longer than the slowest build (a large model, cold, on a busy host). */
export const MODEL_JOB_LEASE_SECONDS = 15 * 60
/** Claims a job may have; a job whose last lease ran out fails for good at the next claim. */
export const MODEL_JOB_MAX_ATTEMPTS = 3
/** The wait before a retry after a failure the worker could not blame on the model: 30 s, 60 s, … */
const RETRY_BASE_SECONDS = 30

/** What the client reads on a version the pipeline gave up on. */
export const viewerFailure = (reason: string) =>
  `The model could not be prepared for viewing: ${reason.trim().replace(/[.\s]+$/, '')}.`

/** A claimed job, as `POST /internal/model-jobs/claim` answers it. */
export interface ClaimedJob {
  id: string
  versionId: string
  fileName: string
  contentType: string
  bytes: number
  attempts: number
  lockedUntil: Date
}

/** A job under a live lease, with where its source is. */
export interface LeasedJob {
  id: string
  versionId: string
  objectKey: string
  fileName: string
  contentType: string
}

export type JobOutcome = { ok: true } | { ok: false; reason: 'not_leased' }

/** The bucket prefix a version's viewer files live under (its id: a retry overwrites, no one else). */
export const viewerPrefixOf = (versionId: string) => `viewer/${versionId}/`

// A job is due when queued (and past any retry wait) or when its worker's lease ran out.
const dueCondition = sql`(${modelJobs.state} = 'queued' and (${modelJobs.lockedUntil} is null or ${modelJobs.lockedUntil} <= now()))
  or (${modelJobs.state} = 'running' and ${modelJobs.lockedUntil} <= now())`
const leased = sql`${modelJobs.state} = 'running' and ${modelJobs.lockedUntil} > now()`

/** Writes the company's feed entry for a version's viewer outcome (inside the caller's transaction). */
async function recordViewerEvent(
  tx: Database,
  versionId: string,
  kind: 'version.viewer_ready' | 'version.viewer_failed',
  reason?: string,
): Promise<void> {
  await tx.execute(sql`
    insert into ${activityEvents} (company_id, project_id, kind, subject_id, details, client_visible)
    select p.company_id, p.id, ${kind}, v.id, jsonb_build_object('deliverableId', d.id, 'title', d.title,
      'version', v.number, 'fileName', v.file_name, 'reason', ${reason ?? null}::text), true
    from ${deliverableVersions} v
    join ${projectDeliverables} d on d.id = v.deliverable_id
    join ${projects} p on p.id = d.project_id
    where v.id = ${versionId}`)
}

/** Marks a version not viewable, saying why in the client's words, and writes its feed entry. */
async function failVersion(tx: Database, versionId: string, reason: string): Promise<void> {
  await tx
    .update(deliverableVersions)
    .set({ viewerStatus: 'failed', viewerError: viewerFailure(reason), viewerPrefix: null })
    .where(eq(deliverableVersions.id, versionId))
  await recordViewerEvent(tx, versionId, 'version.viewer_failed', reason)
}

/**
 * Claims the oldest due job (`for update skip locked`, so concurrent claims take different jobs):
 * counts the attempt, leases it for MODEL_JOB_LEASE_SECONDS and marks its version `processing`.
 * Jobs whose lease ran out on their last attempt fail for good first. Null when nothing is due.
 */
export async function claimModelJob(db: Database): Promise<ClaimedJob | null> {
  return db.transaction(async (tx) => {
    const exhausted = await tx
      .update(modelJobs)
      .set({
        state: 'failed',
        lockedUntil: null,
        finishedAt: sql`now()`,
        lastError: sql`coalesce(${modelJobs.lastError}, 'no attempt finished')`,
      })
      .where(
        sql`${modelJobs.id} in (select ${modelJobs.id} from ${modelJobs} where ${modelJobs.state} = 'running'
          and ${modelJobs.lockedUntil} <= now() and ${modelJobs.attempts} >= ${MODEL_JOB_MAX_ATTEMPTS}
          for update skip locked)`,
      )
      .returning({ versionId: modelJobs.versionId })
    for (const { versionId } of exhausted) {
      await failVersion(tx, versionId, `processing stopped ${MODEL_JOB_MAX_ATTEMPTS} times without finishing`)
    }
    const [job] = await tx
      .update(modelJobs)
      .set({
        state: 'running',
        attempts: sql`${modelJobs.attempts} + 1`,
        lockedUntil: sql`now() + make_interval(secs => ${MODEL_JOB_LEASE_SECONDS})`,
      })
      .where(
        sql`${modelJobs.id} = (select ${modelJobs.id} from ${modelJobs} where ${dueCondition}
          order by ${modelJobs.createdAt}, ${modelJobs.id} limit 1 for update skip locked)`,
      )
      .returning({
        id: modelJobs.id,
        versionId: modelJobs.versionId,
        attempts: modelJobs.attempts,
        lockedUntil: modelJobs.lockedUntil,
      })
    if (!job) return null
    const [version] = await tx
      .update(deliverableVersions)
      .set({ viewerStatus: 'processing', viewerError: null })
      .where(eq(deliverableVersions.id, job.versionId))
      .returning({
        fileName: deliverableVersions.fileName,
        contentType: deliverableVersions.contentType,
        bytes: deliverableVersions.bytes,
      })
    if (!version) throw new Error('model jobs: a job without its version (the foreign key cascades)')
    return { ...job, ...version, lockedUntil: job.lockedUntil as Date }
  })
}

/** A job under a live lease (claimed, not finished, lease not run out), or null. */
export async function leasedModelJob(db: Database, jobId: string): Promise<LeasedJob | null> {
  if (!isUuid(jobId)) return null
  const [row] = await db
    .select({
      id: modelJobs.id,
      versionId: modelJobs.versionId,
      objectKey: deliverableVersions.objectKey,
      fileName: deliverableVersions.fileName,
      contentType: deliverableVersions.contentType,
    })
    .from(modelJobs)
    .innerJoin(deliverableVersions, eq(deliverableVersions.id, modelJobs.versionId))
    .where(and(eq(modelJobs.id, jobId), leased))
  return row ?? null
}

/**
 * Finishes a leased job: the version `ready` with its viewer prefix, the job `done`, and the
 * client's `version.viewer_ready` event, in one transaction. The caller has checked the files.
 */
export async function completeModelJob(db: Database, jobId: string): Promise<JobOutcome> {
  if (!isUuid(jobId)) return { ok: false, reason: 'not_leased' }
  return db.transaction(async (tx) => {
    const [job] = await tx
      .update(modelJobs)
      .set({ state: 'done', lockedUntil: null, finishedAt: sql`now()`, lastError: null })
      .where(and(eq(modelJobs.id, jobId), leased))
      .returning({ versionId: modelJobs.versionId })
    if (!job) return { ok: false, reason: 'not_leased' } as const
    await tx
      .update(deliverableVersions)
      .set({ viewerStatus: 'ready', viewerPrefix: viewerPrefixOf(job.versionId), viewerError: null })
      .where(eq(deliverableVersions.id, job.versionId))
    await recordViewerEvent(tx, job.versionId, 'version.viewer_ready')
    return { ok: true } as const
  })
}

/**
 * Records a leased job's failure. `retry` (a fault of the worker or the host, not of the model)
 * queues it again after a wait while attempts remain; otherwise, or on the last attempt, the job
 * fails for good and the version is marked not viewable with `reason`, staying downloadable.
 */
export async function failModelJob(
  db: Database,
  jobId: string,
  input: { reason: string; retry: boolean },
): Promise<JobOutcome & { retrying?: boolean }> {
  if (!isUuid(jobId)) return { ok: false, reason: 'not_leased' }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ versionId: modelJobs.versionId, attempts: modelJobs.attempts })
      .from(modelJobs)
      .where(and(eq(modelJobs.id, jobId), leased))
      .for('update')
    if (!current) return { ok: false, reason: 'not_leased' } as const
    if (input.retry && current.attempts < MODEL_JOB_MAX_ATTEMPTS) {
      const wait = RETRY_BASE_SECONDS * 2 ** (current.attempts - 1)
      await tx
        .update(modelJobs)
        .set({
          state: 'queued',
          lockedUntil: sql`now() + make_interval(secs => ${wait})`,
          lastError: input.reason,
        })
        .where(eq(modelJobs.id, jobId))
      await tx
        .update(deliverableVersions)
        .set({ viewerStatus: 'queued' })
        .where(eq(deliverableVersions.id, current.versionId))
      return { ok: true, retrying: true } as const
    }
    await tx
      .update(modelJobs)
      .set({ state: 'failed', lockedUntil: null, finishedAt: sql`now()`, lastError: input.reason })
      .where(eq(modelJobs.id, jobId))
    await failVersion(tx, current.versionId, input.reason)
    return { ok: true, retrying: false } as const
  })
}

/** A version's 3D viewer state, as the scoped viewer-file route needs it. */
export interface ViewerVersion {
  versionId: string
  viewerStatus: string
  viewerPrefix: string | null
}

/**
 * Version `number` of a deliverable of a project in scope (all three must match, so no id can be
 * reached through another project's URL), in one statement; null otherwise.
 */
export async function getViewerVersion(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
  number: number,
): Promise<ViewerVersion | null> {
  if (!isUuid(projectId) || !isUuid(deliverableId) || !Number.isSafeInteger(number) || number < 1) return null
  const [row] = await db
    .select({
      versionId: deliverableVersions.id,
      viewerStatus: deliverableVersions.viewerStatus,
      viewerPrefix: deliverableVersions.viewerPrefix,
    })
    .from(deliverableVersions)
    .innerJoin(projectDeliverables, eq(projectDeliverables.id, deliverableVersions.deliverableId))
    .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
    .where(and(eq(deliverableVersions.number, number), deliverableOfProject(scope, projectId, deliverableId)))
  return row ?? null
}
