import { createDb } from '@kairo/db'
import { assertBindings, type Bindings } from '../../env.ts'
import { webhookSigningKeyOf } from '../keys.ts'
import { deliverWebhooks, type WebhookDeliveryReport } from './deliver.ts'

/**
 * The Worker's outgoing-webhook job, run by the every-minute cron beside the mail outbox: delivers
 * due deliveries. Without `WEBHOOK_SIGNING_KEY` nothing can be signed, so it sends nothing and asks
 * the database nothing (endpoints cannot be registered without the key either); the rows wait. One
 * database client for the run, closed at the end, like a request's.
 */
export async function runWebhookDelivery(env: Bindings): Promise<WebhookDeliveryReport | null> {
  assertBindings(env)
  const signingKey = webhookSigningKeyOf(env)
  if (!signingKey) return null
  const client = createDb(env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 5 })
  try {
    const report = await deliverWebhooks(client.db, {
      signingKey,
      production: env.ENVIRONMENT === 'production',
    })
    if (report.delivered + report.failed + report.dead > 0) {
      console.log(JSON.stringify({ level: 'info', msg: 'webhooks delivered', ...report }))
    }
    return report
  } finally {
    await client.close()
  }
}
