import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { type AppEnv, assertBindings } from '../env.ts'
import { securityHeaders } from '../middleware/security-headers/index.ts'
import { UnavailablePage } from '../views/unavailable-page.tsx'
import { database } from './db.ts'
import { errorBody } from './errors.ts'
import { log, requestLogger } from './logger.ts'
import { wantsJson } from './negotiate.ts'
import { DATABASE_RETRY_AFTER_SECONDS, isTransientDatabaseError } from './transient.ts'

/** A router with the app's types, for feature folders under `routes/`. */
export function createRouter() {
  return new Hono<AppEnv>()
}

/**
 * Creates the app with what every route relies on: a request id (`X-Request-Id`, reused from the
 * caller when it is well-formed), a request log line without secrets, security headers (HSTS, CSP with a nonce, nosniff, no
 * framing) on every response, validated bindings, a per-request database client, JSON 404s
 * under `/api`, and one `onError` that answers `{ error: { code, message } }` and never a stack.
 */
export function createApp() {
  const app = createRouter()
  app.use(requestId())
  app.use(requestLogger())
  app.use(securityHeaders())
  app.use(async (c, next) => {
    assertBindings(c.env)
    await next()
  })
  app.use(database())

  app.notFound((c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
      return c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404)
    }
    return c.html('<!doctype html><title>Not found</title><h1>Not found</h1>', 404)
  })

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode
      return c.json(errorBody(codeForStatus(status), error.message || 'Request failed'), status)
    }
    if (isTransientDatabaseError(error)) {
      log(c, 'warn', 'database unavailable', describeError(error, c.env?.ENVIRONMENT === 'production'))
      c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
      const message = 'The service is busy and nothing was saved; try again in a moment'
      if (wantsJson(c)) return c.json(errorBody('db_unavailable', message), 503)
      // A browser: a page in the site's look with a retry link (after a form post, Back keeps the input).
      const url = new URL(c.req.url)
      return c.html(
        UnavailablePage({
          nonce: c.var.secureHeadersNonce,
          method: c.req.method,
          retryHref: url.pathname + url.search,
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        }),
        503,
      )
    }
    log(c, 'error', 'unhandled error', describeError(error, c.env?.ENVIRONMENT === 'production'))
    return c.json(errorBody('internal_error', 'Something went wrong on our side'), 500)
  })

  return app
}

function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    409: 'conflict',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    422: 'unprocessable',
    429: 'rate_limited',
    503: 'unavailable',
  }
  return codes[status] ?? (status >= 500 ? 'internal_error' : 'request_failed')
}

/**
 * What of an unexpected error may be logged: its class and code; in development also the first
 * line of its message. Drizzle's messages append the query's parameters (e-mails, hashes), and any
 * message can carry user input, so production logs never include them.
 */
function describeError(error: Error, production: boolean): Record<string, string> {
  const fields: Record<string, string> = { error: error.name }
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code
  if (typeof code === 'string') fields.code = code
  if (!production) fields.detail = (error.message.split('\n')[0] ?? '').slice(0, 200)
  return fields
}
