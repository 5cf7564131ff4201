import { access } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CardText } from './layout.ts'
import { type CardCache, cardFile, cardsInFlight } from './render.ts'

/** Threads rendering cards at once: one per core. Each holds a canvas, the backdrop and the fonts. */
const THREADS = Math.max(1, Math.min(4, availableParallelism()))

interface Task {
  id: number
  text: CardText
  file: string
  done: (error?: Error) => void
}

/** A card the cache lacks: its text and the cache file it is to be rendered into. */
export interface MissingCard {
  text: CardText
  file: string
}

/**
 * The cards in `texts` that the cache lacks and nothing in this process is rendering yet, each once.
 * Costs a file check per card (10,000 cards: about 0.4 s on the 2-core machine).
 */
export async function missingCards(texts: CardText[], cache: CardCache): Promise<MissingCard[]> {
  const missing: MissingCard[] = []
  const planned = new Set<string>()
  for (const text of texts) {
    const file = cardFile(text, cache)
    if (planned.has(file) || cardsInFlight.has(file)) continue
    planned.add(file)
    if (
      !(await access(file).then(
        () => true,
        () => false,
      ))
    )
      missing.push({ text, file })
  }
  return missing
}

/**
 * Starts rendering `missing` in worker threads (render-thread.ts), one per core, and records each in
 * `cardsInFlight` so whoever needs it waits for it instead of rendering it again. The cards render
 * on every core while Astro renders the pages on its one thread. Returns how many it started.
 *
 * `threadScript` is render-thread.ts's own file (not a module Vite bundled).
 */
export function startCards(missing: MissingCard[], threadScript: URL): number {
  const fresh = missing.filter(({ file }) => !cardsInFlight.has(file))
  if (fresh.length === 0) return 0
  const queue: Task[] = []
  let nextId = 0
  for (const { text, file } of fresh) {
    cardsInFlight.set(
      file,
      new Promise<void>((resolve, reject) =>
        queue.push({ id: nextId++, text, file, done: (error) => (error ? reject(error) : resolve()) }),
      ),
    )
    // A card that fails here is rendered again where it is needed; no unhandled rejection.
    cardsInFlight.get(file)?.catch(() => {})
  }
  const pool = { queue, alive: Math.min(THREADS, queue.length) }
  for (let i = 0; i < pool.alive; i++) startThread(threadScript, pool)
  return fresh.length
}

/** {@link missingCards} then {@link startCards}: what the card route does when no early start ran. */
export async function renderCardsAhead(
  texts: CardText[],
  cache: CardCache,
  threadScript: URL,
): Promise<number> {
  return startCards(await missingCards(texts, cache), threadScript)
}

/**
 * One thread that takes tasks off the shared queue until it is empty, then exits. The last thread to
 * die fails what is left in the queue, so nothing waits on a card no thread will render.
 */
function startThread(script: URL, pool: { queue: Task[]; alive: number }): void {
  const { queue } = pool
  const worker = new Worker(script)
  const running = new Map<number, Task>()
  const next = () => {
    const task = queue.shift()
    if (!task) {
      void worker.terminate()
      return
    }
    running.set(task.id, task)
    worker.postMessage({ id: task.id, text: task.text, file: task.file })
  }
  worker.on('message', ({ id, error }: { id: number; error?: string }) => {
    running.get(id)?.done(error ? new Error(`og card: ${error}`) : undefined)
    running.delete(id)
    next()
  })
  // A thread that cannot start or dies leaves its cards to be rendered on demand.
  let ended = false
  const end = (error: Error) => {
    if (ended) return
    ended = true
    for (const task of running.values()) task.done(error)
    running.clear()
    if (--pool.alive === 0) for (const task of queue.splice(0)) task.done(error)
  }
  worker.on('error', end)
  worker.on('exit', () => end(new Error('og card thread exited')))
  next()
}
