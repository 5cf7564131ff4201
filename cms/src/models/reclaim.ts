import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type Where,
} from 'payload'

import { readEnv } from '../env.ts'
import { PROCESS_MODEL_TASK } from './task.ts'

/** Jobs one upload gets (the first and those re-queued after a server died) before it is failed. */
export const MAX_PROCESSING_ATTEMPTS = 3

/** Shown to the editor (the model's `error`) when an upload used up its attempts. */
export const abandonedError = (attempts: number) =>
  `Processing did not finish after ${attempts} attempts: the server stopped or failed while building ` +
  'this model. Upload the file again to retry; if it happens again, ask a developer to check the ' +
  'CMS logs (the model may be too large or complex to process).'

export interface ReclaimOptions {
  /** How long a model may stay queued or processing without its timestamp moving. */
  leaseMs: number
  maxAttempts?: number
  now?: Date
}

export interface Reclaimed {
  id: number
  slug: string
  outcome: 'queued' | 'failed'
  /** The attempt the new job is (queued), or the attempts used up (failed). */
  attempt: number
}

interface JobRow {
  id: number | string
  input?: unknown
  processing?: boolean | null
  hasError?: boolean | null
}

const inputOf = (job: JobRow) => (job.input ?? {}) as { model?: unknown; attempt?: unknown }

/**
 * Finds models left `queued` or `processing` whose timestamp (`updatedAt`, moved by every build step,
 * see heartbeat.ts) is older than the lease and that no runnable job will pick up: Payload has no
 * job lease, so a job whose server died stays `processing` forever. Each is queued again with a new
 * job, or, once its upload has used `maxAttempts` jobs, marked `failed` with a message for the
 * editor. Never runs a job itself: the jobs cron (or the scheduler) does, as for any queued job.
 *
 * Note: the claim is one conditional UPDATE (status and an old timestamp), in a transaction with the
 * job writes, so two CMS processes reclaiming at once queue one job, and a build that moves on
 * meanwhile is not taken over.
 */
export async function reclaimStuckModels(payload: Payload, options: ReclaimOptions): Promise<Reclaimed[]> {
  const { leaseMs, maxAttempts = MAX_PROCESSING_ATTEMPTS, now = new Date() } = options
  const cutoff = new Date(now.getTime() - leaseMs).toISOString()
  const staleWhere: Where = {
    and: [{ status: { in: ['queued', 'processing'] } }, { updatedAt: { less_than: cutoff } }],
  }
  const stale = await payload.find({
    collection: 'models',
    where: staleWhere,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { slug: true },
  })
  if (stale.docs.length === 0) return []
  const { docs: jobs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: PROCESS_MODEL_TASK } }, { completedAt: { exists: false } }] },
    pagination: false,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
  })

  const reclaimed: Reclaimed[] = []
  for (const model of stale.docs) {
    const mine = (jobs as JobRow[]).filter((job) => inputOf(job).model === model.id)
    // A job no runner has started yet will build it: the cron or the scheduler just has not come by.
    if (mine.some((job) => !job.processing && !job.hasError)) continue
    // The newest job is this upload's latest try (a save's job has no `attempt`: it is the first).
    const latest = mine.at(-1)
    const attempts = latest ? Number(inputOf(latest).attempt) || 1 : 0
    const outcome = attempts >= maxAttempts ? 'failed' : 'queued'
    const orphans = mine.filter((job) => job.processing && !job.hasError)
    const claimed = await reclaimOne(payload, {
      id: model.id,
      where: { and: [{ id: { equals: model.id } }, staleWhere] },
      orphans,
      outcome,
      attempts,
      now,
    })
    if (!claimed) continue
    const attempt = outcome === 'queued' ? attempts + 1 : attempts
    reclaimed.push({ id: model.id, slug: model.slug ?? '', outcome, attempt })
    payload.logger.warn(
      outcome === 'queued'
        ? `models: "${model.slug}" (model ${model.id}): no progress for ${leaseMs / 60_000} min, ` +
            `its job abandoned; queued again (attempt ${attempt} of ${maxAttempts})`
        : `models: "${model.slug}" (model ${model.id}): no progress after ${attempts} attempts; marked failed`,
    )
  }
  return reclaimed
}

async function reclaimOne(
  payload: Payload,
  claim: {
    id: number
    where: Where
    orphans: JobRow[]
    outcome: 'queued' | 'failed'
    attempts: number
    now: Date
  },
): Promise<boolean> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const updatedAt = claim.now.toISOString()
    const claimed = await payload.db.updateOne({
      collection: 'models',
      where: claim.where,
      data:
        claim.outcome === 'queued'
          ? { status: 'queued', error: null, updatedAt }
          : { status: 'failed', error: abandonedError(claim.attempts), updatedAt },
      options: { atomic: true },
      req,
    })
    if (!claimed) {
      await killTransaction(req)
      return false
    }
    for (const job of claim.orphans) {
      await payload.update({
        collection: 'payload-jobs',
        id: job.id,
        data: {
          processing: false,
          hasError: true,
          error: { message: 'abandoned: the model made no progress within the lease (its server stopped)' },
        },
        overrideAccess: true,
        req,
      })
    }
    if (claim.outcome === 'queued') {
      await payload.jobs.queue({
        task: PROCESS_MODEL_TASK,
        input: { model: claim.id, attempt: claim.attempts + 1 },
        req,
      })
    }
    await commitTransaction(req)
    return true
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * The reclaim as the CMS runs it: at start (`onInit`) and before each run of the jobs cron
 * (`jobs.shouldAutoRun`), with the lease from `MODEL_PROCESSING_LEASE_MINUTES`. Never throws: a
 * failure (e.g. a database not migrated yet) is logged and the start or the run goes on.
 */
export async function reclaimStuckModelsSafely(payload: Payload): Promise<Reclaimed[]> {
  try {
    return await reclaimStuckModels(payload, { leaseMs: readEnv().models.processingLeaseMs })
  } catch (error) {
    payload.logger.warn(
      `models: could not reclaim stuck models: ${error instanceof Error ? error.message : error}`,
    )
    return []
  }
}
