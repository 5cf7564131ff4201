import { logLine } from './log.ts'

/**
 * `wrangler dev` does not fire cron triggers. Started with `--test-scheduled`, it runs the Worker's
 * `scheduled()` for a request to `/cdn-cgi/handler/scheduled?cron=…`; this fires the every-minute
 * cron (the mail outbox and the outgoing webhooks) that way every `intervalMs` (default 3 s), one
 * request at a time, so mail and webhooks written locally go out within seconds. Failed requests (the Worker restarting) are skipped quietly; the
 * next tick tries again.
 */
export function startScheduledTicker(options: { workerUrl: string; cron?: string; intervalMs?: number }): {
  stop(): void
} {
  const url = `${options.workerUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(options.cron ?? '* * * * *')}`
  let stopped = false
  let warned = false
  let timer: NodeJS.Timeout | undefined
  const tick = async () => {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) })
      await response.body?.cancel()
      if (!response.ok && !warned) {
        warned = true
        logLine(
          'api',
          `the scheduled handler answered ${response.status}; is wrangler dev running with --test-scheduled?`,
        )
      }
    } catch {
      // The Worker is (re)starting; the next tick tries again.
    }
    if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 3000)
  }
  timer = setTimeout(tick, options.intervalMs ?? 3000)
  return {
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
