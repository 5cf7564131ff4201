import type { MiddlewareHandler } from 'hono'
import { clearSessionCookie, readSessionCookie } from '../../auth/cookie.ts'
import { validateSessionToken } from '../../auth/session.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { wantsJson } from '../../lib/negotiate.ts'

/** Options of {@link loadSession}. */
export interface LoadSessionOptions {
  /** The clock (tests move it to prove idle and absolute expiry). */
  now?: () => Date
}

/**
 * Reads the session cookie and sets `c.var.auth` to the signed-in user and session, or null. One
 * database query (session joined with its user); a cookie that no longer resolves is cleared.
 * Requests without the cookie never touch the database.
 */
export function loadSession(options: LoadSessionOptions = {}): MiddlewareHandler<AppEnv> {
  const now = options.now ?? (() => new Date())
  return async (c, next) => {
    const token = readSessionCookie(c)
    c.set('auth', null)
    if (token) {
      const result = await validateSessionToken(c.var.db().db, token, now())
      if (result) c.set('auth', result)
      else clearSessionCookie(c)
    }
    await next()
  }
}

/** Options of {@link requireUser}. */
export interface RequireUserOptions {
  /** Roles allowed through (default: every signed-in user). */
  roles?: ReadonlyArray<'admin' | 'team' | 'client'>
}

/**
 * Lets only a signed-in user (of one of `roles`) through. Signed out: a browser is sent to
 * `/login?next=<path>` (303), a JSON caller gets 401. Signed in with the wrong role: 404, the same
 * answer as a page that does not exist, so a client learns nothing about the team's routes.
 * Must run after {@link loadSession}.
 */
export function requireUser(options: RequireUserOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth')
    if (!auth) {
      if (wantsJson(c) || c.req.path.startsWith('/api/')) {
        return c.json(errorBody('unauthorized', 'Sign in to continue'), 401)
      }
      const next = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : ''
      return c.redirect(`/login${next}`, 303)
    }
    if (options.roles && !options.roles.includes(auth.user.role)) {
      if (wantsJson(c) || c.req.path.startsWith('/api/')) {
        return c.json(errorBody('not_found', 'Not found'), 404)
      }
      return c.notFound()
    }
    await next()
  }
}
