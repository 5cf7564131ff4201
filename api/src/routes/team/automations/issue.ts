import type { Context } from 'hono'
import { rotateWebhookKey } from '../../../data/automation-webhooks.ts'
import type { AppEnv } from '../../../env.ts'
import { publicOrigin } from '../../../lib/negotiate.ts'
import { newWebhookKeyId, webhookSecret, webhookSigningKeyOf, webhookUrl } from '../../../webhooks/keys.ts'
import { auditFor, scopeFor } from '../../dashboard/context.ts'

/** What {@link issueWebhook} did; the secret is in the answer only, never stored. */
export type IssuedWebhook =
  | { outcome: 'issued'; title: string; url: string; secret: string; createdAt: Date; replaced: boolean }
  | { outcome: 'not_found' }
  /** The Worker has no `WEBHOOK_SIGNING_KEY`: nothing changed. */
  | { outcome: 'not_configured' }

/**
 * Gives the automation `id` a new run webhook (the first, or a rotation that revokes the old one):
 * stores a fresh key id with its audit entry, then derives the URL and secret to show once. Shared
 * by the team's form and `POST /api/v1/automations/{id}/webhook`; both sit behind the staff guard.
 */
export async function issueWebhook(c: Context<AppEnv>, id: string): Promise<IssuedWebhook> {
  const signingKey = webhookSigningKeyOf(c.env)
  if (!signingKey) return { outcome: 'not_configured' }
  const keyId = newWebhookKeyId()
  const result = await rotateWebhookKey(c.var.db().db, scopeFor(c), id, keyId, auditFor(c))
  if (result.outcome === 'not_found') return result
  return {
    outcome: 'issued',
    title: result.title,
    url: webhookUrl(publicOrigin(c), keyId),
    secret: await webhookSecret(signingKey, keyId),
    createdAt: result.createdAt,
    replaced: result.replaced,
  }
}
