import { setTimeout as sleep } from 'node:timers/promises'

import { consoleLog, type RebuildLog, type SiteRebuilder } from './types.ts'

export interface DeployHookOptions {
  /** Tries in all, the first included. */
  attempts: number
  /** Wait before the second try; doubled for each later one. */
  backoffMs: number
  /** Per try; a hung endpoint must not hold the queue forever. */
  timeoutMs: number
  log: RebuildLog
}

export const DEPLOY_HOOK_DEFAULTS: DeployHookOptions = {
  attempts: 4,
  backoffMs: 1000,
  timeoutMs: 15_000,
  log: consoleLog,
}

/**
 * A rebuilder that POSTs to a deploy-hook URL (Cloudflare Workers/Pages Builds, or any CI webhook),
 * retrying network errors, 429 and 5xx answers with exponential backoff. Rejects once every try failed.
 *
 * Note: the URL is a credential (anyone holding it can trigger builds), so it never appears in a log
 * line or an error message; errors report only the status or the network error's code.
 */
export function deployHookRebuilder(url: string, options: Partial<DeployHookOptions> = {}): SiteRebuilder {
  const { attempts, backoffMs, timeoutMs, log } = { ...DEPLOY_HOOK_DEFAULTS, ...options }
  return {
    name: 'deploy hook',
    async request(reason) {
      let problem = ''
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2))
        const started = performance.now()
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ reason }),
            signal: AbortSignal.timeout(timeoutMs),
          })
          await response.body?.cancel()
          if (response.ok) {
            const ms = Math.round(performance.now() - started)
            log.info(`deploy hook accepted (${response.status}, try ${attempt}, ${ms} ms): ${reason}`)
            return
          }
          problem = `HTTP ${response.status}`
          // 4xx other than 429 will not get better by retrying (a revoked or mistyped hook).
          if (response.status < 500 && response.status !== 429) break
        } catch (error) {
          problem = describe(error)
        }
        log.warn(`deploy hook try ${attempt}/${attempts} failed (${problem})`)
      }
      throw new Error(`deploy hook failed (${problem})`)
    },
  }
}

/** The error's name and code only: undici's messages and causes can quote the request's URL. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error'
  const cause = error.cause as { code?: unknown } | undefined
  const code = typeof cause?.code === 'string' ? cause.code : undefined
  return code ? `${error.name} ${code}` : error.name
}
