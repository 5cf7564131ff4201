import { createDb } from '@kairo/db'
import { assertBindings, type Bindings } from '../env.ts'
import { readMailConfig } from '../mail/config.ts'
import { createTransport } from '../mail/create-transport.ts'
import { type DeliveryReport, deliverOutbox } from './deliver.ts'

/**
 * The Worker's outbox job (the every-minute cron in wrangler.toml): delivers due messages through the
 * configured transport. With `MAIL_TRANSPORT` unset it sends nothing and says so; the messages wait.
 * One database client for the run, closed at the end, like a request's.
 */
export async function runOutboxDelivery(env: Bindings): Promise<DeliveryReport | null> {
  assertBindings(env)
  const config = readMailConfig(env)
  if (!config) {
    console.warn(JSON.stringify({ level: 'warn', msg: 'outbox: MAIL_TRANSPORT is not set; nothing sent' }))
    return null
  }
  const client = createDb(env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 5 })
  try {
    const report = await deliverOutbox(client.db, createTransport(config), { config })
    if (report.sent + report.failed + report.dead > 0) {
      console.log(JSON.stringify({ level: 'info', msg: 'outbox delivered', ...report }))
    }
    return report
  } finally {
    await client.close()
  }
}
