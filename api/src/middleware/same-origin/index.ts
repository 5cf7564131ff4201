import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'

/** Options of {@link sameOrigin}. */
export interface SameOriginOptions {
  /** Origins besides the request's own that may post forms (e.g. the public `SITE_URL`). */
  allowedOrigins?: string[]
  /** The message of the 403. */
  message?: string
}

const DEFAULT_MESSAGE = 'Cross-site form submissions are not accepted'

/**
 * CSRF protection for form posts, built on Hono's `csrf`: an unsafe request with a form-encodable
 * body (`application/x-www-form-urlencoded`, `multipart/form-data`, `text/plain`) passes only when
 * `Sec-Fetch-Site` is `same-origin` or `Origin` is the request's own origin (or an allowed one).
 * Anything else is refused with a 403 that leaves through `onError` in the one error shape.
 *
 * Note: JSON bodies are not checked here: a browser sends them cross-origin only after a CORS
 * preflight, which this Worker never approves. Routes that take JSON must refuse other types.
 */
export function sameOrigin(options: SameOriginOptions = {}): MiddlewareHandler {
  const allowed = options.allowedOrigins ?? []
  const message = options.message ?? DEFAULT_MESSAGE
  const check = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || allowed.includes(origin),
  })
  return async (c, next) => {
    let passed = false
    try {
      await check(c, async () => {
        passed = true
        await next()
      })
    } catch (error) {
      // Only the check's own refusal is rewritten; errors from later handlers pass through as they are.
      if (!passed && error instanceof HTTPException && error.status === 403) {
        throw new HTTPException(403, { message })
      }
      throw error
    }
  }
}
