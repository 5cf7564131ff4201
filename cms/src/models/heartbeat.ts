import type { Payload } from 'payload'

/** Time between two progress writes at least: often enough for any lease of a minute or more. */
const MIN_INTERVAL_MS = 10_000

/**
 * Returns a function the processing calls whenever the build makes progress (each pipeline step,
 * before the upload). It moves the model's `updatedAt`, at most every 10 s, while the model is
 * still `processing`: the timestamp the reclaim (reclaim.ts) reads to tell a live build from one
 * whose server died. It never throws: a failed write only makes a reclaim come sooner.
 *
 * Note: one conditional UPDATE of that column (Payload's atomic `updateOne`), no hooks and no
 * read-modify-write, so an editor's save at the same moment loses nothing.
 */
export function progressHeartbeat(
  payload: Payload,
  id: number,
  { minIntervalMs = MIN_INTERVAL_MS } = {},
): () => Promise<void> {
  let last = Date.now()
  return async () => {
    const now = Date.now()
    if (now - last < minIntervalMs) return
    last = now
    try {
      await payload.db.updateOne({
        collection: 'models',
        where: { and: [{ id: { equals: id } }, { status: { equals: 'processing' } }] },
        data: { updatedAt: new Date(now).toISOString() },
        options: { atomic: true },
        returning: false,
      })
    } catch (error) {
      payload.logger.warn(
        `models: model ${id}: could not record progress: ${error instanceof Error ? error.message : error}`,
      )
    }
  }
}
