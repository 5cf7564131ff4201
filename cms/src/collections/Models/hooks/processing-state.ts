import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { MODEL_NEEDS_PROCESSING, MODEL_PROCESS_INLINE, MODEL_SYSTEM_WRITE } from '../../../models/context.ts'
import { runJobSoon } from '../../../models/run-soon.ts'
import { PROCESS_MODEL_TASK } from '../../../models/task.ts'

/**
 * Keeps `status`, `error` and `manifest` the processing code's to write: a new document or a new
 * source file resets the status to `queued` (and asks for a job); any other save by an editor keeps
 * the stored values whatever it sends.
 *
 * Note: a new source file keeps the last processed version's manifest until processing replaces it.
 * Only `ready` models reach the site, but the live site may still show that version (with R2 it
 * links the bucket's files directly), so its files are removed only once a newer one is ready
 * (hooks/remove-unused-files.ts).
 */
export const keepProcessingState: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (req.context[MODEL_SYSTEM_WRITE]) return data
  const newFile =
    operation === 'create' ||
    Boolean(req.file) ||
    (typeof data.filename === 'string' && data.filename !== originalDoc?.filename)
  if (newFile) {
    req.context[MODEL_NEEDS_PROCESSING] = true
    return { ...data, status: 'queued', error: null, manifest: originalDoc?.manifest ?? null }
  }
  return {
    ...data,
    status: originalDoc?.status ?? 'queued',
    error: originalDoc?.error ?? null,
    manifest: originalDoc?.manifest ?? null,
  }
}

/**
 * Queues the processing job in the save's own transaction (so a rolled-back save queues nothing), then
 * has it run as soon as the save has committed, without making the editor wait for the build.
 */
export const queueProcessing: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context[MODEL_NEEDS_PROCESSING]) return doc
  req.context[MODEL_NEEDS_PROCESSING] = false
  if (req.context[MODEL_PROCESS_INLINE]) return doc
  const job = await req.payload.jobs.queue({ task: PROCESS_MODEL_TASK, input: { model: doc.id }, req })
  runJobSoon(req.payload, job.id)
  return doc
}
