import type { Context, MiddlewareHandler } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import type { SessionUser } from '../../auth/session.ts'
import { dashboardReads, scopeKey } from '../../data/read-cache.ts'
import type { AuditWriter } from '../../data/rows.ts'
import { type Scope, scopeOf } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'
import { type RequireUserOptions, requireUser } from '../../middleware/session/index.ts'
import { NotFoundPage } from '../../views/dashboard/not-found-page.tsx'

// What a dashboard route (the client's pages and the team's) takes from its request: the signed-in
// user, their data scope, an audit writer bound to the request, the isolate's read cache, and the
// guard every page sits behind. The `/api/v1` twins use the same functions.

/** The signed-in user; only for handlers behind a guard ({@link dashboardPage}, `requireUser`). */
export function signedInUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.auth?.user
  if (!user) throw new Error('dashboard: a handler ran without a signed-in user (guard missing)')
  return user
}

/** The data scope of the signed-in user. */
export function scopeFor(c: Context<AppEnv>): Scope {
  return scopeOf(signedInUser(c))
}

/** An audit writer bound to the request (its id, IP and actor), for the data layer's transactions. */
export function auditFor(c: Context<AppEnv>): AuditWriter {
  return (event, tx) => recordAudit(c, event, tx)
}

/**
 * What every dashboard page sits behind: a signed-in user (of `roles`, when given: anyone else gets
 * the 404 of a page that does not exist), and `Cache-Control: private, no-store`, because the pages
 * show one account's view of the data and must not be kept by a shared or back-forward cache.
 */
export function dashboardPage(options: RequireUserOptions = {}): MiddlewareHandler<AppEnv> {
  const signedIn = requireUser(options)
  return (c, next) =>
    signedIn(c, async () => {
      await next()
      c.header('Cache-Control', 'private, no-store')
    })
}

/**
 * The dashboard's 404 for an id that does not exist: the same page whether it never existed or is
 * out of reach (another company's), so a guessed id teaches nothing.
 */
export function sendNotFound(c: Context<AppEnv>) {
  // Called as a function: this module is `.ts` (the JSON routes import it), so it holds no JSX.
  return c.html(NotFoundPage({ c }), 404)
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
