import { summarise } from './types.ts'

/**
 * Runs `task` one at a time. Requests that arrive while it runs collapse into exactly one more run
 * after it (with all their reasons), so the last change is always built and builds never overlap.
 * The returned promise settles when the run covering that request settles.
 */
export function serialized(task: (reason: string) => Promise<void>): (reason: string) => Promise<void> {
  let running = false
  let next: { reasons: string[]; promise: Promise<void>; settle: (run: Promise<void>) => void } | null = null

  const run = async (reason: string): Promise<void> => {
    running = true
    try {
      await task(reason)
    } finally {
      running = false
      const queued = next
      next = null
      if (queued) queued.settle(run(summarise(queued.reasons)))
    }
  }

  return (reason) => {
    if (!running) return run(reason)
    if (!next) {
      let settle: (run: Promise<void>) => void = () => undefined
      const promise = new Promise<void>((resolve, reject) => {
        settle = (queuedRun) => queuedRun.then(resolve, reject)
      })
      next = { reasons: [], promise, settle }
    }
    next.reasons.push(reason)
    return next.promise
  }
}
