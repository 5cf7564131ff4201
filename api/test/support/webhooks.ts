import { env } from 'cloudflare:workers'
import { automationRuns, automations, type Database, notifications, outbox } from '@kairo/db'
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { newWebhookKeyId, WEBHOOK_PATH, webhookSecret } from '../../src/webhooks/keys.ts'
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from '../../src/webhooks/signature.ts'
import { type CountedResponse, requestCountingQueries } from './count-queries.ts'

// Helpers for the run webhook's tests: the Worker's bindings with a signing key (the tests' way of
// giving it a secret, as model-jobs.test.ts does with PIPELINE_TOKEN), signed reports as an engine
// sends them, and the rows a report leaves.

export const ORIGIN = 'http://localhost'
export const SIGNING_KEY = 'test-webhook-signing-key-of-at-least-32-characters'
/** The Worker's bindings with webhooks configured. */
export const withWebhooks: Cloudflare.Env = { ...env, WEBHOOK_SIGNING_KEY: SIGNING_KEY }

const encoder = new TextEncoder()

export interface ReportOptions {
  /** Sign with this secret instead of the key id's own. */
  secret?: string
  /** Unix seconds to sign and send; default now. */
  timestamp?: number
  /** Replaces (or with undefined values removes) the signed headers; also sets others. */
  headers?: Record<string, string | undefined>
  contentType?: string
  cookie?: string
  bindings?: Cloudflare.Env
}

/** Sends `body` (an object as JSON, or a raw string) to the key id's webhook, signed as an engine does. */
export async function report(
  keyId: string,
  body: unknown,
  options: ReportOptions = {},
): Promise<CountedResponse> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body)
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000))
  const secret = options.secret ?? (await webhookSecret(SIGNING_KEY, keyId))
  const signature = `v1=${await signWebhookBody(secret, timestamp, encoder.encode(raw))}`
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signature,
  }
  if (options.cookie) headers.cookie = options.cookie
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name]
    else headers[name] = value
  }
  return requestCountingQueries(
    `${ORIGIN}${WEBHOOK_PATH}/${keyId}`,
    { method: 'POST', headers, body: raw },
    options.bindings ?? withWebhooks,
  )
}

/** Gives an automation a webhook key id directly (the team's form is tested on its own). */
export async function giveWebhook(db: Database, automationId: string): Promise<string> {
  const keyId = newWebhookKeyId()
  await db
    .update(automations)
    .set({ webhookKeyId: keyId, webhookKeyCreatedAt: new Date() })
    .where(eq(automations.id, automationId))
  return keyId
}

/** The runs the webhook stored for an automation (those with an engine run id). */
export function reportedRuns(db: Database, automationId: string) {
  return db
    .select()
    .from(automationRuns)
    .where(and(eq(automationRuns.automationId, automationId), isNotNull(automationRuns.engineRunId)))
}

/** `automation_failed` notifications about an automation. */
export function failureNotifications(db: Database, automationId: string) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, 'automation_failed'),
        eq(notifications.link, `/dashboard/automations/${automationId}`),
      ),
    )
}

/** The `notification.automation_failed` e-mails queued for these users. */
export function failureEmails(db: Database, userIds: string[]) {
  return db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, 'notification.automation_failed'),
        inArray(sql`${outbox.payload} ->> 'userId'`, userIds),
      ),
    )
}

/** Removes the e-mails queued for these users (outbox rows outlive their users: no foreign key). */
export async function removeEmails(db: Database, userIds: string[]): Promise<void> {
  if (userIds.length > 0) await db.delete(outbox).where(inArray(sql`${outbox.payload} ->> 'userId'`, userIds))
}
