import type { Context } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
import { clientIp, publicOrigin, wantsJson } from '../../lib/negotiate.ts'
import {
  DATABASE_RETRY_AFTER_SECONDS,
  isTransientDatabaseError,
  retryTransient,
} from '../../lib/transient.ts'
import { limitBody } from '../../middleware/body-limit/index.ts'
import { type RateLimitOptions, rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { idempotencyKeyFor } from './idempotency.ts'
import { ContactLimitedPage, ContactPage } from './page.tsx'
import { CONTACT_FIELDS, type ContactInput, type ContactValues, parseContact } from './schema.ts'
import { storeLead } from './store.ts'

/** Where a no-JS visitor lands after a successful (or honeypotted, or repeated) submission. */
export const THANKS_PATH = '/contact/thanks/'
/** The largest body accepted: 5,000 characters of message URL-encoded, with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024

/** Options of {@link createContactRoutes}. */
export interface ContactRoutesOptions {
  /** The per-IP limit; default 10 submissions per 10 minutes. */
  rateLimit?: Pick<RateLimitOptions, 'limit' | 'windowSeconds' | 'now'>
}

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i
const JSON_TYPE = /^application\/json\b/i

const doctype = (page: unknown) => raw(`<!doctype html>${page}`)

/** What the visitor typed, for re-rendering the form after a failure that was not theirs. */
const valuesOf = (input: ContactInput): ContactValues => ({
  ...(Object.fromEntries(CONTACT_FIELDS.map((field) => [field, input[field] ?? ''])) as ContactValues),
  sourcePage: input.sourcePage,
  service: input.service,
})

/** Reads the body as a plain object of the form's fields; `null` when it is not one. */
async function readBody(c: Context<AppEnv>, json: boolean): Promise<Record<string, unknown> | null> {
  if (!json) {
    const body = await c.req.parseBody()
    // Only text fields count; a file where text belongs is treated as missing.
    return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string'))
  }
  const body: unknown = await c.req.json().catch(() => null)
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null
}

/**
 * `POST /api/contact`: the contact form. A form post (no JS) gets a 303 to the thank-you page, or the
 * form re-rendered with messages (422); JSON (the JS enhancement) gets 201 `{ ok: true }` or 422
 * `{ error: { code: 'invalid_input', message, fields } }`. Form posts must come from this origin
 * (403 otherwise); other body types get 415. Each IP may submit a limited number of times per window
 * (429 with `Retry-After`). A filled honeypot or a repeated idempotency key answers like a success
 * and stores nothing new; a new lead and its outbox notification are stored in one transaction.
 */
export function createContactRoutes(options: ContactRoutesOptions = {}) {
  return createRouter().post(
    '/api/contact',
    sameOrigin(),
    // Before the limiter, so an oversized body costs neither a count nor a query.
    limitBody(MAX_BODY_BYTES, 'The message is too large to send'),
    rateLimit({
      limit: 10,
      windowSeconds: 600,
      ...options.rateLimit,
      prefix: 'contact:ip',
      onLimited: (c, retryAfterSeconds) =>
        wantsJson(c)
          ? c.json(errorBody('rate_limited', 'Too many messages from your network; try again later'), 429)
          : c.html(
              doctype(
                <ContactLimitedPage retryAfterSeconds={retryAfterSeconds} nonce={c.var.secureHeadersNonce} />,
              ),
              429,
            ),
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store')
      const contentType = c.req.header('content-type') ?? ''
      const json = JSON_TYPE.test(contentType)
      if (!json && !FORM_TYPE.test(contentType)) {
        throw new HTTPException(415, { message: 'Send the form as application/json or as a form post' })
      }
      const body = await readBody(c, json)
      if (!body) throw new HTTPException(400, { message: 'The request body must be a JSON object' })
      const success = () => (json ? c.json({ ok: true as const }, 201) : c.redirect(THANKS_PATH, 303))

      // A bot filled the field humans are told to leave empty: look successful, keep nothing.
      if (typeof body.website === 'string' ? body.website.trim() !== '' : body.website != null) {
        log(c, 'info', 'contact honeypot filled')
        return success()
      }

      const parsed = parseContact(body)
      if (!parsed.ok) {
        const message = 'Some fields need attention'
        if (json) return c.json(errorBody('invalid_input', message, parsed.fields), 422)
        return c.html(
          doctype(
            <ContactPage values={parsed.values} errors={parsed.fields} nonce={c.var.secureHeadersNonce} />,
          ),
          422,
        )
      }

      const ip = clientIp(c)
      const idempotencyKey = await idempotencyKeyFor(parsed.data, ip)
      let result: Awaited<ReturnType<typeof storeLead>>
      try {
        // Safe to repeat: the idempotency key makes a retried store insert at most one lead.
        result = await retryTransient(() =>
          storeLead(c.var.db().db, parsed.data, { idempotencyKey, ip, origin: publicOrigin(c) }),
        )
      } catch (error) {
        if (!isTransientDatabaseError(error)) throw error
        log(c, 'warn', 'lead not stored: database unavailable')
        c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        const message =
          'We could not save your message just now. Nothing was sent; please try again in a moment.'
        if (json) return c.json(errorBody('db_unavailable', message), 503)
        return c.html(
          doctype(
            <ContactPage
              values={valuesOf(parsed.data)}
              errors={{ form: message }}
              nonce={c.var.secureHeadersNonce}
            />,
          ),
          503,
        )
      }
      log(
        c,
        'info',
        result.created ? 'lead stored' : 'lead repeated',
        result.created ? { leadId: result.leadId } : {},
      )
      return success()
    },
  )
}

/** The contact routes with their production settings. */
export const contact = createContactRoutes()
