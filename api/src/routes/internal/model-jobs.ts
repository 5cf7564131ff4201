import type { Context } from 'hono'
import { z } from 'zod'
import {
  claimModelJob,
  completeModelJob,
  failModelJob,
  leasedModelJob,
  viewerPrefixOf,
} from '../../data/model-jobs.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
import { manifestFiles, viewerManifest } from './manifest.ts'
import { isOutputName, MANIFEST_NAME, viewerContentType } from './output-names.ts'

// The pipeline worker's side of the model queue (assets-pipeline/src/deliverable-worker/): it reaches
// BUCKET and the queue only through these routes, so it needs neither R2 credentials nor a database
// connection. Every route but `claim` acts on a job under a live lease; a job that is not (finished,
// never claimed, lease run out, or an unknown id) is 409 `not_leased`, and the worker drops it.

/** The largest single output file (a level of detail of a big model); the platform's limit is 100 MB. */
const MAX_OUTPUT_BYTES = 95 * 1024 * 1024
/** A manifest is a few kilobytes; anything near this is not one. */
const MAX_MANIFEST_BYTES = 256 * 1024

const failBody = z.object({
  reason: z.string().trim().min(1).max(500),
  retry: z.boolean().optional(),
})

const notLeased = (c: Context<AppEnv>) =>
  c.json(errorBody('not_leased', 'This job is not claimed under a live lease'), 409)

/** A JSON body no larger than `limit` bytes, or null (not JSON, or too large). */
async function readJson(c: Context<AppEnv>, limit: number): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? '0')
  if (!c.req.header('content-type')?.startsWith('application/json') || declared > limit) return null
  const text = await c.req.text()
  if (text.length > limit) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * `/internal/model-jobs`: `POST /claim`, `GET /<id>/source`, `PUT /<id>/outputs/<name>`,
 * `POST /<id>/complete`, `POST /<id>/fail` (mounted behind `pipelineToken()`).
 */
export const modelJobRoutes = createRouter()
  .post('/claim', async (c) => {
    const job = await claimModelJob(c.var.db().db)
    if (!job) return c.body(null, 204)
    log(c, 'info', 'model job claimed', { jobId: job.id, attempt: job.attempts })
    const sourceUrl = new URL(`/internal/model-jobs/${job.id}/source`, c.req.url).toString()
    return c.json({ job: { ...job, lockedUntil: job.lockedUntil.toISOString(), sourceUrl } })
  })
  .get('/:jobId/source', async (c) => {
    const job = await leasedModelJob(c.var.db().db, c.req.param('jobId'))
    if (!job) return notLeased(c)
    const object = await c.env.BUCKET.get(job.objectKey)
    if (!object) {
      // The upload commits its row only after the object is stored, so this is a lost object: retrying cannot help.
      return c.json(errorBody('source_missing', 'The version has no stored file'), 404)
    }
    return c.body(object.body, 200, {
      'Content-Type': job.contentType,
      'Content-Length': String(object.size),
      'Cache-Control': 'no-store',
    })
  })
  .put('/:jobId/outputs/:name', async (c) => {
    const name = c.req.param('name')
    if (!isOutputName(name)) {
      return c.json(errorBody('invalid_output_name', 'Not a name the pipeline writes'), 400)
    }
    const length = Number(c.req.header('content-length') ?? Number.NaN)
    if (!Number.isSafeInteger(length) || length < 1) {
      return c.json(errorBody('length_required', 'Send the file with its Content-Length'), 411)
    }
    if (length > MAX_OUTPUT_BYTES) {
      return c.json(errorBody('payload_too_large', 'The file is larger than an output may be'), 413)
    }
    const job = await leasedModelJob(c.var.db().db, c.req.param('jobId'))
    if (!job) return notLeased(c)
    const body = c.req.raw.body
    if (!body) return c.json(errorBody('length_required', 'Send the file with its Content-Length'), 411)
    // Streamed: R2 takes a body of known length without the Worker holding it whole.
    await c.env.BUCKET.put(`${viewerPrefixOf(job.versionId)}${name}`, body, {
      httpMetadata: { contentType: viewerContentType(name) },
    })
    return c.body(null, 204)
  })
  .post('/:jobId/complete', async (c) => {
    const input = await readJson(c, MAX_MANIFEST_BYTES)
    const parsed = viewerManifest.safeParse((input as { manifest?: unknown } | null)?.manifest)
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => issue.message).join('; ')
      return c.json(errorBody('invalid_manifest', `The manifest is not usable: ${message}`), 422)
    }
    const db = c.var.db().db
    const job = await leasedModelJob(db, c.req.param('jobId'))
    if (!job) return notLeased(c)
    const prefix = viewerPrefixOf(job.versionId)
    const heads = await Promise.all(
      manifestFiles(parsed.data).map((name) => c.env.BUCKET.head(`${prefix}${name}`)),
    )
    const missing = manifestFiles(parsed.data).filter((_, index) => !heads[index])
    if (missing.length > 0) {
      return c.json(errorBody('outputs_missing', `Not uploaded: ${missing.join(', ')}`), 422)
    }
    // The manifest last: whoever finds it finds every file it names.
    await c.env.BUCKET.put(`${prefix}${MANIFEST_NAME}`, JSON.stringify(parsed.data), {
      httpMetadata: { contentType: viewerContentType(MANIFEST_NAME) },
    })
    const outcome = await completeModelJob(db, job.id)
    if (!outcome.ok) return notLeased(c)
    log(c, 'info', 'model job done', { jobId: job.id })
    return c.json({ id: job.id, state: 'done', viewerPrefix: prefix })
  })
  .post('/:jobId/fail', async (c) => {
    const parsed = failBody.safeParse(await readJson(c, 16 * 1024))
    if (!parsed.success) {
      return c.json(errorBody('invalid_input', 'Send { reason: string, retry?: boolean }'), 422)
    }
    const jobId = c.req.param('jobId')
    const outcome = await failModelJob(c.var.db().db, jobId, {
      reason: parsed.data.reason,
      retry: parsed.data.retry === true,
    })
    if (!outcome.ok) return notLeased(c)
    // The reason may quote the client's file name: logged by job id only.
    log(c, 'warn', 'model job failed', { jobId, retrying: outcome.retrying === true })
    return c.json({ id: jobId, state: outcome.retrying ? 'queued' : 'failed' })
  })
