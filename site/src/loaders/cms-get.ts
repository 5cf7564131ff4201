import pRetry from 'p-retry'

/** Answers that mean "not now" rather than "no": the CMS busy or restarting, or a proxy before it. */
const BUSY = new Set([429, 502, 503, 504])

/** How often a GET is asked again, and the first wait (doubled each time: 0.2, 0.4, 0.8 s). */
export const CMS_GET_RETRIES = 3
const FIRST_WAIT_MS = 200

/**
 * A GET to the CMS at build time, asked again when the connection fails (refused, reset, closed) or
 * the CMS answers that it is busy. A build reads hundreds of files from a CMS that is also serving
 * the editor who just pressed Publish, and one reset connection once failed a whole publish. Any other
 * answer, a 404 say, comes back at once for the caller to judge; so does a timeout, which is the
 * caller's whole budget for the request. After the last try the busy answer or the error is the
 * caller's.
 */
export function cmsGet(url: string | URL, timeoutMs: number, accept?: string): Promise<Response> {
  return pRetry(
    async (attempt) => {
      const response = await fetch(url, {
        headers: accept ? { accept } : {},
        signal: AbortSignal.timeout(timeoutMs),
      })
      if (BUSY.has(response.status) && attempt <= CMS_GET_RETRIES) {
        await response.body?.cancel()
        throw new BusyAnswer(response.status)
      }
      return response
    },
    {
      retries: CMS_GET_RETRIES,
      minTimeout: FIRST_WAIT_MS,
      factor: 2,
      shouldRetry: ({ error }) => !(error instanceof DOMException && error.name === 'TimeoutError'),
    },
  )
}

class BusyAnswer extends Error {
  constructor(status: number) {
    super(`the CMS answered ${status}`)
  }
}

/** What went wrong in a failed fetch, with the network's own reason (`fetch failed` says none). */
export function fetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? error.cause.message : undefined
  return cause ? `${error.message} (${cause})` : error.message
}
