import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { limitBody } from '../../middleware/body-limit/index.ts'
import { type RateLimitOptions, rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { readOpsConfig } from '../../ops/config.ts'
import { storeVitals, vitalsDataPoint, vitalsReport } from '../../ops/vitals.ts'

// `POST /api/vitals`: the site's optional Core Web Vitals beacon (ops/vitals.ts). The page sends it
// with `fetch(…, { keepalive: true, credentials: 'omit' })` as text/plain, so it carries no cookie
// (a `sendBeacon` would send the session cookie of a signed-in visitor along) and needs no CORS
// preflight; `sameOrigin` still refuses it from any other site, which a text/plain body allows it to
// check. It is mounted before the session's lookup (app.ts): it reads no cookie and sets none. Each
// address may report a limited number of times per window, as the contact form; a report is a
// hundred bytes, so the body ceiling is small.

/** The largest report accepted. */
export const MAX_VITALS_BYTES = 2 * 1024

const TYPES = /^(text\/plain|application\/json)\b/i

/** Options of {@link createVitalsRoutes}. */
export interface VitalsRoutesOptions {
  /** The per-address limit; default 120 reports per 10 minutes (a reader clicking through the site). */
  rateLimit?: Pick<RateLimitOptions, 'limit' | 'windowSeconds' | 'now'>
}

async function readReport(c: Context<AppEnv>): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text())
  } catch {
    return undefined
  }
}

export function createVitalsRoutes(options: VitalsRoutesOptions = {}) {
  return createRouter().post(
    '/api/vitals',
    sameOrigin({ message: 'Reports are accepted from this site only' }),
    limitBody(MAX_VITALS_BYTES, 'The report is too large'),
    rateLimit({
      limit: 120,
      windowSeconds: 600,
      ...options.rateLimit,
      prefix: 'vitals:ip',
      onLimited: (c) => c.json(errorBody('rate_limited', 'Too many reports from your network'), 429),
    }),
    async (c) => {
      if (!TYPES.test(c.req.header('content-type') ?? '')) {
        return c.json(
          errorBody('unsupported_media_type', 'Send the report as text/plain or application/json'),
          415,
        )
      }
      const parsed = vitalsReport.safeParse(await readReport(c))
      if (!parsed.success) {
        const fields: Record<string, string> = {}
        for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message
        return c.json(errorBody('invalid_input', 'The report is not valid', fields), 422)
      }
      const config = readOpsConfig(c.env)
      if (config.analyticsEngine && c.env.OPS_VITALS)
        c.env.OPS_VITALS.writeDataPoint(vitalsDataPoint(parsed.data))
      else await storeVitals(c.var.db().db, parsed.data)
      return c.body(null, 204)
    },
  )
}

export const vitals = createVitalsRoutes()
