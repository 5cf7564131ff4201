import { serialized } from './serialized.ts'
import { consoleLog, type RebuildLog, type SiteRebuilder, summarise } from './types.ts'

export interface DebounceOptions {
  /** Quiet time after the last request before building (trailing debounce). */
  waitMs: number
  /** Longest a request waits while requests keep coming, so a stream of saves still builds. */
  maxWaitMs: number
  log?: RebuildLog
}

export const DEBOUNCE_DEFAULTS: DebounceOptions = { waitMs: 3000, maxWaitMs: 60_000 }

/**
 * Wraps a rebuilder so that a burst of requests causes one rebuild: it fires `waitMs` after the last
 * request, or `maxWaitMs` after the first unserved one, whichever is sooner. Rebuilds never overlap;
 * requests during a rebuild cause exactly one more afterwards. The returned promise resolves when the
 * rebuild covering the request is done and never rejects: failures are logged (the next save retries).
 */
export function debounced(rebuilder: SiteRebuilder, options: Partial<DebounceOptions> = {}): SiteRebuilder {
  const { waitMs, maxWaitMs, log = consoleLog } = { ...DEBOUNCE_DEFAULTS, ...options }
  const build = serialized((reason) => rebuilder.request(reason))
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstAt = 0
  let reasons: string[] = []
  let done: (() => void) | undefined
  let pending: Promise<void> | undefined

  const flush = () => {
    const reason = summarise(reasons)
    const resolve = done
    reasons = []
    timer = undefined
    pending = undefined
    build(reason)
      .catch((error: unknown) =>
        log.warn(`${rebuilder.name} rebuild failed (${error instanceof Error ? error.message : 'unknown'})`),
      )
      .finally(() => resolve?.())
  }

  return {
    name: `${rebuilder.name} (debounced)`,
    request(reason) {
      if (!pending) {
        firstAt = Date.now()
        pending = new Promise<void>((resolve) => {
          done = resolve
        })
      }
      reasons.push(reason)
      clearTimeout(timer)
      timer = setTimeout(flush, Math.max(0, Math.min(waitMs, firstAt + maxWaitMs - Date.now())))
      return pending
    },
  }
}
