import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type LocalMailServer,
  localMailSettings,
  repoRoot,
  type Service,
  startMailServer,
  startScheduledTicker,
  startWorker,
} from '@kairo/tools'
import postgres from 'postgres'
import { benchSystem } from './lib/ports.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { formatTable, runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:mail-outage`: the outbox through a one-minute SMTP outage, as it runs locally. The Worker
 * under `wrangler dev` with the local retry schedule (5 s, doubling; 30 s in production), its cron fired every 3 s
 * (tools/src/scheduled-ticker.ts, as `./kairo start` does), and a real SMTP server with an inbox
 * (MailDev). Messages are queued while the server is down (OUTAGE_SECONDS, default 60), then it comes
 * back; the figures are counted at the server: every message must arrive exactly once, under its
 * stable Message-ID. Exits 1 on a missing or duplicated message.
 */
const MESSAGES = 20
const OUTAGE_SECONDS = Number(process.env.OUTAGE_SECONDS ?? 60)
const DELIVERY_TIMEOUT_MS = 10 * 60_000

interface Received {
  to: Array<{ address: string }>
  headers: Record<string, string>
}

async function main(): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-mail-'))
  const database = await openRunDatabase('kairo_bench_mail')
  const sql = postgres(database.databaseUrl, { max: 2, onnotice: () => {} })
  const { smtp: smtpPort, inbox: inboxPort, api: workerPort } = benchSystem.mailOutage
  const startMail = () =>
    startMailServer({ smtpPort, inboxPort, mailDirectory: join(work, 'mail'), quiet: true })
  let mail: LocalMailServer | undefined
  let worker: Service | undefined
  let ticker: { stop(): void } | undefined
  try {
    // wrangler.toml serves site/dist as assets; the API needs none of it, only the folder.
    await mkdir(join(repoRoot, 'site', 'dist'), { recursive: true })
    worker = await startWorker({
      port: workerPort,
      databaseUrl: database.databaseUrl,
      persistTo: join(work, 'wrangler'),
      vars: localMailSettings(smtpPort),
      quiet: true,
    })
    ticker = startScheduledTicker({ workerUrl: `http://127.0.0.1:${workerPort}` })

    step(`SMTP server down; queueing ${MESSAGES} messages`)
    const run = Math.random().toString(36).slice(2, 8)
    const ids: string[] = []
    for (let n = 0; n < MESSAGES; n++) {
      const payload = { to: `outage-${n}-${run}@example.test`, name: `Person ${n}` }
      const [row] = await sql<{ id: string }[]>`
        insert into app.outbox (kind, payload) values ('auth.password_changed', ${sql.json(payload)})
        returning id`
      if (row) ids.push(row.id)
    }
    await sleep(OUTAGE_SECONDS * 1000)
    const [during] = await sql<{ attempts: number; sent: number }[]>`
      select coalesce(max(attempts), 0)::int as attempts, count(sent_at)::int as sent
      from app.outbox where id = any(${ids}::uuid[])`

    step(`SMTP server back after ${OUTAGE_SECONDS} s`)
    mail = await startMail()
    const back = performance.now()
    let delivered = 0
    while (delivered < ids.length && performance.now() - back < DELIVERY_TIMEOUT_MS) {
      await sleep(1000)
      const [row] = await sql<{ sent: number }[]>`
        select count(sent_at)::int as sent from app.outbox where id = any(${ids}::uuid[])`
      delivered = row?.sent ?? 0
    }
    const allSentAfter = (performance.now() - back) / 1000
    // A few more cron runs: nothing may be sent twice.
    await sleep(10_000)
    const received = ((await (await fetch(`http://127.0.0.1:${inboxPort}/api/email`)).json()) as Received[])
      .filter((email) => email.to.some((to) => to.address.endsWith(`-${run}@example.test`)))
      .map((email) => email.headers['message-id'] ?? '')
    const expected = new Set(ids.map((id) => `<${id}@kairo.studio>`))
    const unique = new Set(received)
    const missing = [...expected].filter((id) => !unique.has(id)).length
    const duplicates = received.length - unique.size
    const [attempts] = await sql<{ max: number; total: number }[]>`
      select max(attempts)::int as max, sum(attempts)::int as total
      from app.outbox where id = any(${ids}::uuid[])`

    console.log(
      `\n${formatTable([
        [
          'queued',
          'outage',
          'sent during',
          'attempts (max)',
          'all sent after',
          'received',
          'missing',
          'twice',
        ],
        [
          String(ids.length),
          `${OUTAGE_SECONDS} s`,
          String(during?.sent ?? 0),
          `${attempts?.total ?? 0} (${attempts?.max ?? 0})`,
          `${allSentAfter.toFixed(1)} s`,
          String(received.length),
          String(missing),
          String(duplicates),
        ],
      ])}\n`,
    )
    console.log(
      'attempts counts the failed tries during the outage plus the delivery; "all sent after" is from ' +
        'the restart (the local retry schedule waits 5 s, then 10, 20, 40 s, …)',
    )
    return missing === 0 && duplicates === 0 && (during?.sent ?? 0) === 0
  } finally {
    ticker?.stop()
    await worker?.stop()
    await mail?.stop()
    await sql.end()
    await database.close()
    await rm(work, { recursive: true, force: true })
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function step(message: string): void {
  console.log(`[mail-outage] ${message}`)
}

runBenchmark(main)
