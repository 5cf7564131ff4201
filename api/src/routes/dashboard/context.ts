import type { Context, MiddlewareHandler } from 'hono'
import type { SessionUser } from '../../auth/session.ts'
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
