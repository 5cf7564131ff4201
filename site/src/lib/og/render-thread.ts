import { parentPort } from 'node:worker_threads'
import type { CardText } from './layout.ts'
import { renderCard, storeCard } from './render.ts'

/**
 * One Open Graph card renderer thread (render-ahead.ts starts a few): takes `{ id, text, file }`,
 * renders the card (render.ts) and stores it at `file` in the card cache, then answers
 * `{ id }`, or `{ id, error }`. The image stays on disk: the build reads it from the cache as it reads
 * any cached card, so no image crosses threads and finished cards do not pile up in memory.
 *
 * Note: Node runs this file as it is (type stripping), outside Vite's bundle.
 */
parentPort?.on('message', async ({ id, text, file }: { id: number; text: CardText; file: string }) => {
  try {
    await storeCard(file, await renderCard(text))
    parentPort?.postMessage({ id })
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
})
