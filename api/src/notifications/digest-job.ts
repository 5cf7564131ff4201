import { createDb } from '@kairo/db'
import { assertBindings, type Bindings } from '../env.ts'
import { type DigestReport, writeDigests } from './digest.ts'

/** The daily digest's cron (wrangler.toml `[triggers]`): 07:00 UTC, before the working day in Europe. */
export const DIGEST_CRON = '0 7 * * *'

/**
 * Where e-mailed links point when `PUBLIC_ORIGIN` is unset outside production: the local Worker
 * (`wrangler dev` on 8787, which serves the dashboard too). A cron run has no request to take an
 * origin from, unlike the e-mails written during a request.
 */
const LOCAL_ORIGIN = 'http://localhost:8787'

/**
 * The Worker's daily digest job. One client for the run, closed at the end, like a request's. In
 * production without `PUBLIC_ORIGIN` it writes nothing and says why: its links would have no host;
 * the notifications wait (un-e-mailed) for the next run.
 */
export async function runDigest(env: Bindings, now: Date = new Date()): Promise<DigestReport | null> {
  assertBindings(env)
  const origin = env.PUBLIC_ORIGIN ?? (env.ENVIRONMENT === 'production' ? null : LOCAL_ORIGIN)
  if (!origin) {
    console.error(
      JSON.stringify({ level: 'error', msg: 'digest: PUBLIC_ORIGIN is not set; nothing written' }),
    )
    return null
  }
  const client = createDb(env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 5 })
  try {
    const report = await writeDigests(client.db, origin, now)
    console.log(JSON.stringify({ level: 'info', msg: 'digest written', ...report }))
    return report
  } finally {
    await client.close()
  }
}
