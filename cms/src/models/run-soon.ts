import type { Payload } from 'payload'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs one queued job in the background, right after the save that queued it, instead of at the next
 * minute's cron. The job row is written in the save's transaction, which commits after the hooks; so
 * this waits until the row is visible (the save committed), then runs it, never blocking the save.
 * If the save rolled back, the row never appears and this gives up; the cron still covers any job
 * this misses (e.g. the server restarted).
 */
export function runJobSoon(
  payload: Payload,
  jobId: number | string,
  { tries = 60, intervalMs = 250 } = {},
): void {
  void (async () => {
    for (let attempt = 0; attempt < tries; attempt++) {
      await sleep(intervalMs)
      const job = await payload.findByID({
        collection: 'payload-jobs',
        id: jobId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      if (!job) continue
      if (job.completedAt || job.processing || job.hasError) return
      await payload.jobs.runByID({ id: jobId })
      return
    }
  })().catch((error: unknown) =>
    payload.logger.warn(
      `models: could not run job ${jobId}: ${error instanceof Error ? error.message : error}`,
    ),
  )
}
