import type { Context, MiddlewareHandler } from 'hono'
import { redactTokens } from '../auth/redact.ts'
import type { AppEnv } from '../env.ts'

type Level = 'info' | 'warn' | 'error'

/**
 * Writes one log line carrying the request id: a JSON object per line in production, a short
 * readable line otherwise. Callers pass only safe fields: never headers, cookies, bodies, tokens,
 * passwords or connection strings.
 */
export function log(
  c: Context<AppEnv>,
  level: Level,
  msg: string,
  fields: Record<string, unknown> = {},
): void {
  const requestId = c.get('requestId')
  const write = level === 'error' ? console.error : level === 'warn' ? console.warn : console.log
  if (c.env?.ENVIRONMENT === 'production') {
    write(JSON.stringify({ level, msg, requestId, ...fields }))
  } else {
    const extra = Object.entries(fields)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ')
    write(`[${requestId}] ${level} ${msg}${extra ? ` ${extra}` : ''}`)
  }
}

/**
 * Logs one line per request: method, path (without the query string, and with the secret half of
 * a reset or invitation link masked), status and duration.
 */
export function requestLogger(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now()
    await next()
    log(c, c.res.status >= 500 ? 'error' : 'info', 'request', {
      method: c.req.method,
      path: redactTokens(c.req.path),
      status: c.res.status,
      durationMs: Date.now() - started,
    })
  }
}
