import type { Context, MiddlewareHandler } from 'hono'
import type { SessionUser } from '../../auth/session.ts'
import { dashboardReads, scopeKey } from '../../data/read-cache.ts'
import { type Scope, scopeOf } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'
import { requireUser } from '../../middleware/session/index.ts'

/** The signed-in user; only for handlers behind `requireUser()` (anything else is a wiring bug). */
export function signedInUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.auth?.user
  if (!user) throw new Error('dashboard: a handler ran without requireUser()')
  return user
}

/** The data scope of the signed-in user. */
export function scopeFor(c: Context<AppEnv>): Scope {
  return scopeOf(signedInUser(c))
}

/**
 * What every dashboard page sits behind: a signed-in user, and `Cache-Control: private, no-store`,
 * because the pages show one account's data and must not be kept by a shared or back-forward cache.
 */
export function dashboardPage(): MiddlewareHandler<AppEnv> {
  const signedIn = requireUser()
  return (c, next) =>
    signedIn(c, async () => {
      await next()
      c.header('Cache-Control', 'private, no-store')
    })
}

/**
 * What `load` returns for the signed-in user's scope, from the isolate's read cache while the data has
 * not changed since it was stored (see `data/read-cache.ts`); `name` names the read, and the same name
 * serves the HTML page and its `/api/v1` twin. The var `READ_CACHE=off` turns the cache off.
 */
export function cachedRead<T>(
  c: Context<AppEnv>,
  name: string,
  load: (scope: Scope) => Promise<T>,
): Promise<T> {
  const scope = scopeFor(c)
  const version = c.var.auth?.dataVersion
  if (version === undefined || c.env.READ_CACHE === 'off') return load(scope)
  return dashboardReads.read(`${name}:${scopeKey(scope)}`, version, () => load(scope))
}
