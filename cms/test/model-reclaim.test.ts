import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEnv } from '../src/env.ts'
import { MODEL_PROCESS_INLINE } from '../src/models/context.ts'
import { progressHeartbeat } from '../src/models/heartbeat.ts'
import { abandonedError, MAX_PROCESSING_ATTEMPTS, reclaimStuckModels } from '../src/models/reclaim.ts'
import { fileCleanupsSettled } from '../src/models/remove-unused.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { PROCESS_MODEL_TASK } from '../src/models/task.ts'
import { Cleanup } from './fixtures.ts'
import { demoFile, uploadModel } from './model-fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const slugs: string[] = []
const jobIds: (number | string)[] = []
const lease = readEnv().models.processingLeaseMs
const minutes = (n: number) => n * 60_000

/** A model as its save leaves it (queued), with no job: each test plays the servers' part itself. */
async function savedModel(name: string) {
  const slug = `test-${name}-${run}`
  slugs.push(slug)
  const doc = await uploadModel(payload, slug, await demoFile('satellite-nova'), {
    [MODEL_PROCESS_INLINE]: true,
  })
  cleanup.add('models', doc.id)
  return doc
}

/** Queues a processing job for the model, as a save does (or as the reclaim does, with `attempt`). */
async function queueJob(model: number, attempt?: number) {
  const job = await payload.jobs.queue({
    task: PROCESS_MODEL_TASK,
    input: attempt ? { model, attempt } : { model },
  })
  jobIds.push(job.id)
  return job.id
}

/** The model's status and timestamp as a build leaves them, `ageMs` ago. */
async function markProcessing(id: number, ageMs: number) {
  await payload.db.updateOne({
    collection: 'models',
    where: { id: { equals: id } },
    data: { status: 'processing', updatedAt: new Date(Date.now() - ageMs).toISOString() },
    options: { atomic: true },
  })
}

/**
 * What a server that died mid-build leaves behind: the model `processing` with a timestamp `ageMs`
 * old, and its job claimed (`processing: true`) forever, which no runner picks up again.
 */
async function abandoned(id: number, ageMs: number, attempt?: number) {
  const jobId = await queueJob(id, attempt)
  await payload.update({ collection: 'payload-jobs', id: jobId, data: { processing: true } })
  await markProcessing(id, ageMs)
  return jobId
}

/** The model's jobs that have not finished, oldest first. */
async function jobsOf(model: number) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { equals: PROCESS_MODEL_TASK } }, { completedAt: { exists: false } }] },
    pagination: false,
    sort: 'id',
  })
  const mine = docs.filter((job) => (job.input as { model?: number }).model === model)
  for (const job of mine) if (!jobIds.includes(job.id)) jobIds.push(job.id)
  return mine
}

const modelNow = (id: number) => payload.findByID({ collection: 'models', id, depth: 0 })

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await fileCleanupsSettled()
  for (const id of jobIds) await payload.delete({ collection: 'payload-jobs', id }).catch(() => undefined)
  await payload.destroy()
  for (const slug of slugs)
    await rm(path.join(MODEL_ASSETS_DIR, 'models', slug), { recursive: true, force: true })
})

describe('reclaiming models whose server died mid-build', () => {
  it('queues again a model stuck in processing past the lease, and its new job builds it to ready', async () => {
    const stuck = await savedModel('stuck')
    const oldJob = await abandoned(stuck.id, lease + minutes(5))
    // A build on another server, alive: its progress moved the timestamp a minute ago.
    const busy = await savedModel('busy')
    const busyJob = await abandoned(busy.id, minutes(1))

    await reclaimStuckModels(payload, { leaseMs: lease })

    expect((await modelNow(stuck.id)).status).toBe('queued')
    const stuckJobs = await jobsOf(stuck.id)
    expect(stuckJobs.map((job) => [job.id === oldJob, job.processing, job.hasError])).toEqual([
      [true, false, true],
      [false, false, false],
    ])
    const retry = stuckJobs[1] as (typeof stuckJobs)[number]
    expect(retry.input).toEqual({ model: stuck.id, attempt: 2 })

    // The fresh one is left alone, job and all.
    expect((await modelNow(busy.id)).status).toBe('processing')
    expect((await jobsOf(busy.id)).map((job) => [job.id, job.processing, job.hasError])).toEqual([
      [busyJob, true, false],
    ])

    // The queued job is an ordinary job: the runner (the cron on a server) builds the model.
    await payload.jobs.runByID({ id: retry.id })
    const built = await modelNow(stuck.id)
    expect(built.status).toBe('ready')
    expect(built.manifest).toMatchObject({ lods: expect.any(Array) })
  }, 90_000)

  it('queues a model left queued with its only job claimed by a dead server', async () => {
    const doc = await savedModel('claimed')
    const jobId = await queueJob(doc.id)
    await payload.update({ collection: 'payload-jobs', id: jobId, data: { processing: true } })
    await payload.db.updateOne({
      collection: 'models',
      where: { id: { equals: doc.id } },
      data: { updatedAt: new Date(Date.now() - lease - minutes(1)).toISOString() },
      options: { atomic: true },
    })
    await reclaimStuckModels(payload, { leaseMs: lease })
    expect((await jobsOf(doc.id)).map((job) => (job.input as { attempt?: number }).attempt ?? 1)).toEqual([
      1, 2,
    ])
  })

  it('leaves a stale model alone while a job for it waits for a runner', async () => {
    const doc = await savedModel('waiting')
    await queueJob(doc.id)
    await markProcessing(doc.id, lease + minutes(30))
    await reclaimStuckModels(payload, { leaseMs: lease })
    expect((await modelNow(doc.id)).status).toBe('processing')
    expect(await jobsOf(doc.id)).toHaveLength(1)
  })

  it('fails the model, with a message for its editor, once its upload has used every attempt', async () => {
    const doc = await savedModel('hopeless')
    await abandoned(doc.id, lease + minutes(1), MAX_PROCESSING_ATTEMPTS)
    await reclaimStuckModels(payload, { leaseMs: lease })
    const failed = await modelNow(doc.id)
    expect(failed.status).toBe('failed')
    expect(failed.error).toBe(abandonedError(MAX_PROCESSING_ATTEMPTS))
    expect(failed.error).toMatch(/Upload the file again to retry/)
    // Nothing is queued for it any more; its abandoned job is closed.
    expect((await jobsOf(doc.id)).map((job) => [job.processing, job.hasError])).toEqual([[false, true]])
  })
})

describe('the progress a build records', () => {
  it('moves a processing model’s timestamp, so a long build is never taken for a dead one', async () => {
    const doc = await savedModel('progressing')
    await abandoned(doc.id, lease + minutes(1))
    await progressHeartbeat(payload, doc.id, { minIntervalMs: 0 })()
    expect(Date.now() - Date.parse((await modelNow(doc.id)).updatedAt)).toBeLessThan(minutes(1))
    await reclaimStuckModels(payload, { leaseMs: lease })
    expect((await modelNow(doc.id)).status).toBe('processing')
  })

  it('leaves a model that is no longer processing (a new upload queued it) untouched', async () => {
    const doc = await savedModel('requeued')
    const before = (await modelNow(doc.id)).updatedAt
    await progressHeartbeat(payload, doc.id, { minIntervalMs: 0 })()
    expect((await modelNow(doc.id)).updatedAt).toBe(before)
  })
})

describe('when the CMS reclaims', () => {
  it('at start (onInit) and before every run of the jobs cron (shouldAutoRun)', async () => {
    const config = await (await import('../src/payload.config.ts')).default
    const doc = await savedModel('wired')

    await abandoned(doc.id, lease + minutes(1))
    expect(await config.jobs.shouldAutoRun?.(payload)).toBe(true)
    expect((await modelNow(doc.id)).status).toBe('queued')

    // Its retry dies too: the next start queues a third attempt.
    const [, retry] = await jobsOf(doc.id)
    await payload.update({ collection: 'payload-jobs', id: retry?.id as number, data: { processing: true } })
    await markProcessing(doc.id, lease + minutes(1))
    await config.onInit?.(payload)
    expect((await modelNow(doc.id)).status).toBe('queued')
    expect((await jobsOf(doc.id)).map((job) => (job.input as { attempt?: number }).attempt ?? 1)).toEqual([
      1, 2, 3,
    ])
  })
})
