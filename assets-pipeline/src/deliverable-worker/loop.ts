import { setTimeout as sleep } from 'node:timers/promises'
import type { ProcessLimits } from '../isolated/build-in-child.ts'
import { type PipelineApi, PipelineApiError } from './api-client.ts'
import { type JobOutcome, processJob } from './process-job.ts'

export interface WorkerLoopOptions {
  api: PipelineApi
  /** Aborting it stops the loop: a job in progress finishes first; an idle wait ends at once. */
  signal: AbortSignal
  /** First wait after finding nothing to do, doubled while idle up to `maxIdleMs` (default 1 s → 30 s). */
  minIdleMs?: number
  maxIdleMs?: number
  /** What one build may take (processJob's `limits`). */
  limits?: ProcessLimits
  tempDir?: string
  log?: (message: string) => void
  /** Called after each job (tests, progress). */
  onJob?: (jobId: string, outcome: JobOutcome | 'error') => void
}

/**
 * The deliverable worker: claims one job at a time from the API Worker and processes it, until
 * `signal` is aborted. With nothing to do it polls with backoff (1 s, doubling to 30 s; back to 1 s
 * after a job). An API it cannot reach is waited out the same way. A job that throws (a fault
 * here, not the model's) is reported for a retry when the API can still be reached; otherwise its
 * lease runs out and the Worker hands it out again.
 */
export async function runWorkerLoop(options: WorkerLoopOptions): Promise<void> {
  const { api, signal } = options
  const log = options.log ?? (() => {})
  const minIdleMs = options.minIdleMs ?? 1000
  const maxIdleMs = options.maxIdleMs ?? 30_000
  let idleMs = minIdleMs
  const wait = async () => {
    await sleep(idleMs, undefined, { signal }).catch(() => {})
    idleMs = Math.min(maxIdleMs, idleMs * 2)
  }
  while (!signal.aborted) {
    let job: Awaited<ReturnType<PipelineApi['claim']>>
    try {
      job = await api.claim()
    } catch (error) {
      log(`claim failed: ${(error as Error).message}`)
      await wait()
      continue
    }
    if (!job) {
      await wait()
      continue
    }
    idleMs = minIdleMs
    const started = performance.now()
    log(`job ${job.id}: ${job.fileName} (attempt ${job.attempts})`)
    try {
      const outcome = await processJob(job, {
        api,
        limits: options.limits,
        tempDir: options.tempDir,
        log,
      })
      log(`job ${job.id}: ${outcome} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      options.onJob?.(job.id, outcome)
    } catch (error) {
      log(`job ${job.id}: ${(error as Error).message}`)
      if (!(error instanceof PipelineApiError)) {
        await api
          .fail(job.id, `${job.fileName} could not be processed because of an error on our side`, true)
          .catch(() => log(`job ${job.id}: left for its lease to run out`))
      }
      options.onJob?.(job.id, 'error')
    }
  }
}
