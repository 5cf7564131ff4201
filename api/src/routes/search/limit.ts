import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../env.ts'
import { clientNetwork } from '../../lib/client-network.ts'
import { errorBody } from '../../lib/errors.ts'
import { wantsJson } from '../../lib/negotiate.ts'

/**
 * Searches per address, through the `SEARCH_RATE_LIMIT` binding (wrangler.toml: 120 a minute), which
 * Cloudflare counts beside the Worker: the project's other limits live in Postgres
 * (middleware/rate-limit), and a round trip there per keystroke pause would cost more than the
 * search. Unbound, searches are not limited.
 */
export function limitSearches(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const limiter = c.env.SEARCH_RATE_LIMIT
    if (!limiter) return next()
    const { success } = await limiter.limit({ key: `search:${clientNetwork(c)}` })
    if (success) return next()
    // The binding's windows are a minute long (wrangler.toml `period`).
    c.header('Retry-After', '60')
    const message = 'Too many searches from your network; try again in a minute.'
    if (wantsJson(c)) return c.json(errorBody('rate_limited', message), 429)
    return c.html(
      `<!doctype html><title>Too many searches</title><h1>Too many searches</h1><p>${message}</p>`,
      429,
    )
  }
}
