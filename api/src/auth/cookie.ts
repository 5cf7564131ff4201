import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/**
 * The session cookie. `__Host-` makes the browser refuse it unless it is `Secure`, has `Path=/` and
 * no `Domain` (so a sibling subdomain cannot plant or read it); `HttpOnly` keeps it from scripts;
 * `SameSite=Lax` keeps it off cross-site posts. Browsers treat http://localhost as secure, so the same
 * cookie works in `wrangler dev` and the tests.
 */
export const SESSION_COOKIE = '__Host-session'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

/** Sets the cookie to expire with the session's absolute lifetime. */
export function writeSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    expires: expiresAt,
  })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' })
}
