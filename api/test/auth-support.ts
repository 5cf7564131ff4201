import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { auditLog, type Database, outbox, rateLimits, users } from '@kairo/db'
import { inArray, like, or, sql } from 'drizzle-orm'
import type { Hono } from 'hono'
import { SESSION_COOKIE } from '../src/auth/cookie.ts'
import { emailFingerprint } from '../src/auth/credentials.ts'
import type { AppEnv } from '../src/env.ts'

// Request helpers shared by the auth, session, profile and security tests: every request gets an IP
// unique to this run (so rate-limit counters never collide between files or runs), form posts come
// from this origin unless told otherwise, and cookies are read back the way a browser would.

export const ORIGIN = 'http://localhost'

/**
 * An IP prefix per test file run: the rate-limit rows it leaves behind are found and removed by it.
 * Each address is in a /64 of its own, since the limits count an IPv6 client by its /64
 * (`lib/client-network.ts`); the prefix is written as that key writes it (no leading zeros).
 */
export function ipPool() {
  const run = Number.parseInt(crypto.randomUUID().slice(0, 4), 16).toString(16)
  let n = 0
  return {
    prefix: `2001:db8:${run}:`,
    next: () => `2001:db8:${run}:${(++n).toString(16)}::1`,
  }
}

export interface SendOptions extends RequestInit {
  ip: string
  cookie?: string
}

/** Sends one request through `target` inside workerd and waits for its `waitUntil` work. */
export async function send(target: Hono<AppEnv>, path: string, { ip, cookie, ...init }: SendOptions) {
  const headers = new Headers(init.headers)
  headers.set('cf-connecting-ip', ip)
  if (cookie) headers.set('cookie', cookie)
  const ctx = createExecutionContext()
  const response = await target.request(`${ORIGIN}${path}`, { ...init, headers }, env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

/** A same-origin form post (what the browser sends for a plain `<form method="post">`). */
export function postForm(
  target: Hono<AppEnv>,
  path: string,
  fields: Record<string, string>,
  options: { ip: string; cookie?: string; headers?: Record<string, string> },
) {
  return send(target, path, {
    method: 'POST',
    ip: options.ip,
    cookie: options.cookie,
    headers: {
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      ...options.headers,
    },
    body: new URLSearchParams(fields).toString(),
  })
}

/** A JSON request to the API. */
export function sendJson(
  target: Hono<AppEnv>,
  method: string,
  path: string,
  body: unknown,
  options: { ip: string; cookie?: string },
) {
  return send(target, path, {
    method,
    ip: options.ip,
    cookie: options.cookie,
    // Every write declares JSON, a body or not: the API's `jsonOnly()` refuses other types (CSRF).
    headers: {
      accept: 'application/json',
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** The `Set-Cookie` lines of a response for one cookie name, in order. */
export function setCookies(response: Response, name = SESSION_COOKIE): string[] {
  return response.headers.getSetCookie().filter((line) => line.startsWith(`${name}=`))
}

/**
 * The session cookie a browser keeps after this response: the value of the last `Set-Cookie` for it
 * ('' when that line deletes it), or undefined when the response does not touch it.
 */
export function sessionCookieAfter(response: Response): string | undefined {
  const last = setCookies(response).at(-1)
  if (last === undefined) return undefined
  const value = last.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? ''
  return /max-age=0\b/i.test(last) || /expires=Thu, 01 Jan 1970/i.test(last) ? '' : value
}

/** A `Cookie` header for a session token. */
export const cookieFor = (token: string) => `${SESSION_COOKIE}=${token}`

/** The token inside a `Cookie` header made by {@link cookieFor} or `Fixtures.cookie`. */
export const tokenOf = (cookie: string) => cookie.slice(SESSION_COOKIE.length + 1)

/** A page's HTML with its per-response CSP nonce masked, so two answers can be compared. */
export function withoutNonce(html: string): string {
  return html.replace(/nonce="[^"]+"/g, 'nonce="…"')
}

/**
 * Removes what auth tests leave beside their users (whose own deletion cascades to sessions and
 * password resets): audit rows about them or about `emails` (by fingerprint), their outbox
 * messages, and rate-limit rows of this file's IPs and emails (per-address and per-account).
 */
export async function cleanupAuthRows(
  db: Database,
  userIds: string[],
  ipPrefix: string,
  emails: string[] = [],
) {
  const accounts = [...emails]
  if (userIds.length > 0) {
    await db
      .delete(auditLog)
      .where(or(inArray(auditLog.targetId, userIds), inArray(auditLog.actorId, userIds)))
    await db.delete(outbox).where(inArray(sql`${outbox.payload}->>'userId'`, userIds))
    const rows = await db.select({ email: users.email }).from(users).where(inArray(users.id, userIds))
    accounts.push(...rows.map((row) => row.email))
  }
  await db.delete(rateLimits).where(like(rateLimits.key, `%${ipPrefix}%`))
  if (accounts.length > 0) {
    const fingerprints = accounts.map(emailFingerprint)
    if (emails.length > 0) {
      await db
        .delete(auditLog)
        .where(inArray(sql`${auditLog.details}->>'email'`, emails.map(emailFingerprint)))
    }
    const keys = fingerprints.flatMap((fp) => [`auth:reset:account:${fp}`, `auth:login:account:${fp}`])
    await db.delete(rateLimits).where(inArray(rateLimits.key, keys))
  }
}
