import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { auditLog, type Database, invitations, leads, outbox, users } from '@kairo/db'
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm'
import { app } from '../src/app.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import type { Fixtures } from './support/session.ts'

// Helpers for the team views' tests: requests as a browser (form posts from this origin or a
// foreign one) or as a JSON client, round-trip counting, and rows under the run's own domain.

export const ORIGIN = 'http://localhost'
export const FOREIGN = 'https://evil.example'

export interface SendOptions {
  method?: string
  cookie?: string
  /** A form post body (sent from this origin unless `origin` says otherwise). */
  form?: Record<string, string>
  /** A JSON body; the request then also asks for JSON. */
  json?: unknown
  /** Ask for JSON without sending a body (GET, DELETE). */
  wantJson?: boolean
  /** The `Origin` of a form post: this origin by default, a foreign one for CSRF tests. */
  origin?: string
  ip?: string
}

/** Sends one request through the app as a browser or an API client would. */
export async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const headers = new Headers()
  if (options.cookie) headers.set('cookie', options.cookie)
  if (options.ip) headers.set('cf-connecting-ip', options.ip)
  let body: BodyInit | undefined
  if (options.json !== undefined || options.wantJson) {
    headers.set('accept', 'application/json')
    // Every API write declares JSON, a body or not: `jsonOnly()` refuses anything else (CSRF).
    if (options.json !== undefined || (options.method ?? 'GET') !== 'GET') {
      headers.set('content-type', 'application/json')
    }
    if (options.json !== undefined) body = JSON.stringify(options.json)
  } else {
    headers.set('accept', 'text/html,application/xhtml+xml')
  }
  if (options.form) {
    const origin = options.origin ?? ORIGIN
    headers.set('origin', origin)
    headers.set('sec-fetch-site', origin === ORIGIN ? 'same-origin' : 'cross-site')
    body = new URLSearchParams(options.form)
  }
  const method = options.method ?? (body ? 'POST' : 'GET')
  const ctx = createExecutionContext()
  const response = await app.request(`${ORIGIN}${path}`, { method, headers, body }, env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

/** A page as a signed-in browser gets it, with the statements it sent to Postgres. */
export function countedPage(path: string, cookie: string) {
  return requestCountingQueries(`${ORIGIN}${path}`, { headers: { cookie, accept: 'text/html' } })
}

/** The `<h1>`s of a page (each page must have exactly one). */
export function headings(html: string): string[] {
  return [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''))
}

/** The run's e-mail domain (the one `Fixtures` uses), for leads and invitations too. */
export function domainOf(fx: Fixtures): string {
  return `run-${fx.run}.example`
}

let leadCounter = 0

/** Inserts a lead under the run's domain; `createdAt` decides its place in the newest-first list. */
export async function insertLead(
  db: Database,
  fx: Fixtures,
  values: Partial<typeof leads.$inferInsert> = {},
): Promise<string> {
  leadCounter += 1
  const [row] = await db
    .insert(leads)
    .values({
      name: `Lead ${leadCounter}`,
      email: `lead-${leadCounter}@${domainOf(fx)}`,
      message: 'We would like a launch site for our orbital mapping product.',
      idempotencyKey: `test:${fx.run}:${leadCounter}`,
      ...values,
    })
    .returning({ id: leads.id })
  if (!row) throw new Error('test: lead not inserted')
  return row.id
}

/** The newest audit entries for a target. */
export function auditFor(db: Database, targetId: string) {
  return db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.at))
}

/** The invitation e-mails (outbox rows) sent to an address. */
export function invitationEmails(db: Database, email: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'auth.invitation'), sql`${outbox.payload}->>'to' = ${email}`))
}

/** The accept link's path from an invitation e-mail (what the invited person clicks). */
export function acceptPath(payload: Record<string, unknown>): string {
  const url = new URL(String(payload.acceptUrl))
  return url.pathname
}

/**
 * Removes what a test file made under its domain that `Fixtures.cleanup` does not: leads,
 * invitations and their e-mails, and accounts created by accepting an invitation.
 */
export async function cleanupDomain(db: Database, fx: Fixtures): Promise<void> {
  const pattern = `%@${domainOf(fx)}`
  await db
    .delete(outbox)
    .where(and(eq(outbox.kind, 'auth.invitation'), sql`${outbox.payload}->>'to' like ${pattern}`))
  await db.delete(invitations).where(like(invitations.email, pattern))
  await db.delete(leads).where(like(leads.email, pattern))
  const created = await db.select({ id: users.id }).from(users).where(like(users.email, pattern))
  if (created.length > 0) {
    await db.delete(users).where(
      inArray(
        users.id,
        created.map((u) => u.id),
      ),
    )
  }
}
