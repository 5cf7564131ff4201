import type { Context } from 'hono'
import {
  createEndpoint,
  type EndpointInput,
  findDeliveryToSend,
  rotateEndpointSecret,
} from '../../../data/webhook-endpoints.ts'
import type { AppEnv } from '../../../env.ts'
import { newWebhookKeyId, webhookSigningKeyOf } from '../../../webhooks/keys.ts'
import { recordAttempt } from '../../../webhooks/outgoing/deliver.ts'
import { endpointSecret } from '../../../webhooks/outgoing/secret.ts'
import { type AttemptResult, sendDelivery } from '../../../webhooks/outgoing/send.ts'
import { auditFor, scopeFor, signedInUser } from '../../dashboard/context.ts'

// What the team's forms and `/api/v1/webhook-endpoints` both do beyond a plain write: making a
// secret (on registration and rotation; shown in that answer only, never stored) and "send again".
// Both sit behind the admin guard.

/** Whether this Worker refuses non-public receiver addresses (and plain http). */
export const isProduction = (c: Context<AppEnv>) => c.env.ENVIRONMENT === 'production'

type NotConfigured = { outcome: 'not_configured' }
type NotFound = { outcome: 'not_found' }

/** A new endpoint and its secret, or why there is none. */
export type Registered = { outcome: 'created'; id: string; secret: string; createdAt: Date } | NotConfigured

/**
 * Registers an endpoint (the input already validated for this environment) with a fresh key id and
 * derives its secret. Without `WEBHOOK_SIGNING_KEY` nothing could be signed, so nothing is stored.
 */
export async function registerEndpoint(c: Context<AppEnv>, input: EndpointInput): Promise<Registered> {
  const signingKey = webhookSigningKeyOf(c.env)
  if (!signingKey) return { outcome: 'not_configured' }
  const keyId = newWebhookKeyId()
  const result = await createEndpoint(
    c.var.db().db,
    scopeFor(c),
    input,
    { keyId, createdById: signedInUser(c).id },
    auditFor(c),
  )
  if (!result.ok) throw new Error('registerEndpoint: called outside the admin scope')
  return {
    outcome: 'created',
    id: result.endpoint.id,
    secret: await endpointSecret(signingKey, keyId),
    createdAt: result.endpoint.secretCreatedAt,
  }
}

export type Rotated =
  | { outcome: 'rotated'; url: string; description: string; secret: string; createdAt: Date }
  | NotConfigured
  | NotFound

/** Gives an endpoint a new secret: the old one signs nothing from now on. */
export async function rotateSecret(c: Context<AppEnv>, id: string): Promise<Rotated> {
  const signingKey = webhookSigningKeyOf(c.env)
  if (!signingKey) return { outcome: 'not_configured' }
  const keyId = newWebhookKeyId()
  const result = await rotateEndpointSecret(c.var.db().db, scopeFor(c), id, keyId, auditFor(c))
  if (!result.ok) return { outcome: 'not_found' }
  return {
    outcome: 'rotated',
    url: result.url,
    description: result.description,
    secret: await endpointSecret(signingKey, keyId),
    createdAt: result.secretCreatedAt,
  }
}

export type SentAgain = { outcome: 'sent'; result: AttemptResult } | NotConfigured | NotFound

/**
 * "Send again": one attempt now, in this request, whatever the delivery's state (a delivered one
 * too: the receiver may have lost it), with the result for the answer. The attempt goes in the log
 * (`manual`) with its audit entry `webhook_delivery.sent_again`, in one transaction; a success marks
 * an undelivered row delivered, a failure leaves the cron's schedule as it was. Note: it may
 * coincide with the cron's own try of a pending row, so a receiver can get the same delivery twice;
 * the `Kairo-Delivery` header and the event's `id` let it tell (delivery is at least once anyway).
 */
export async function sendAgain(
  c: Context<AppEnv>,
  endpointId: string,
  deliveryId: string,
): Promise<SentAgain> {
  const signingKey = webhookSigningKeyOf(c.env)
  if (!signingKey) return { outcome: 'not_configured' }
  const db = c.var.db().db
  const delivery = await findDeliveryToSend(db, scopeFor(c), endpointId, deliveryId)
  if (!delivery) return { outcome: 'not_found' }
  const result = await sendDelivery(delivery, { signingKey, production: isProduction(c) })
  const audit = auditFor(c)
  await db.transaction(async (tx) => {
    await recordAttempt(tx, delivery, result, { now: new Date(), manual: true })
    await audit(
      {
        action: 'webhook_delivery.sent_again',
        targetType: 'webhook_delivery',
        targetId: delivery.id,
        details: { endpointId, event: delivery.eventType, ok: result.ok, statusCode: result.statusCode },
      },
      tx,
    )
  })
  return { outcome: 'sent', result }
}

/** The attempt's result in words, for the flash message and the JSON answer's `summary`. */
export function describeAttempt(result: AttemptResult): string {
  if (result.statusCode === null) return result.excerpt
  const time = `${result.durationMs} ms`
  return result.ok
    ? `The receiver answered ${result.statusCode} in ${time}.`
    : `The receiver answered ${result.statusCode} in ${time}; it counts as failed (only a 2xx answer is a delivery).`
}
