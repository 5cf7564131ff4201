import { Worker } from 'node:worker_threads'
import { processSlot } from '../process-slot.ts'
import type { PlanInput } from './plan-thread.ts'
import { type MissingCard, startCards } from './render-ahead.ts'

/** Whether this build's cards were planned and started at its start, once known. */
const slot = processSlot<Promise<boolean>>('kairo.og.earlyStart')

/**
 * Starts the build's cards early (src/integrations/og-cards.ts, at `astro:build:start`): a planner
 * thread (plan-thread.ts) finds the cards the cache lacks from the content store, then they render in
 * the card threads (render-ahead.ts). Returns at once; `log` hears what happened. Astro's thread only
 * hands the list over.
 */
export function startCardsEarly(input: PlanInput, ogDir: URL, log: (message: string) => void): void {
  const planned = new Promise<{ missing: MissingCard[]; total: number }>((resolve, reject) => {
    const planner = new Worker(new URL('plan-thread.ts', ogDir), { workerData: input })
    planner.once('message', (answer: { missing: MissingCard[]; total: number } | { error: string }) => {
      void planner.terminate()
      if ('error' in answer) reject(new Error(answer.error))
      else resolve(answer)
    })
    planner.once('error', reject)
    planner.once('exit', () => reject(new Error('the planner thread exited without an answer')))
  })
  slot.set(
    planned.then(
      ({ missing, total }) => {
        const started = startCards(missing, new URL('render-thread.ts', ogDir))
        if (started > 0) log(`og cards: ${started} of ${total} rendering from the start`)
        return true
      },
      (error: unknown) => {
        log(`og cards: left to the card route (${error instanceof Error ? error.message : error})`)
        return false
      },
    ),
  )
}

/** Whether this build's cards were started early; false when no early start ran or it failed. */
export function startedEarly(): Promise<boolean> {
  return slot.get() ?? Promise.resolve(false)
}
