import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateApp } from '@kairo/db/migrate'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDatabaseIfMissing, dropDatabase, withDatabase } from '../src/database.ts'
import { type LocalMailServer, localMailSettings, startMailServer } from '../src/mail-server.ts'
import { repoRoot } from '../src/paths.ts'
import type { Service } from '../src/processes.ts'
import { startWorker } from '../src/services.ts'

// The mail outage, end to end: the Worker under `wrangler dev` (workerd), its real `scheduled()`
// fired as the local orchestrator fires it, sending over SMTP to a real server (MailDev). With the
// server stopped, messages stay queued and back off; once it is back, every message arrives exactly
// once, counted at the server. Its own database on DATABASE_URL's server, so no other suite's
// messages are touched.

const serverUrl = process.env.DATABASE_URL
if (!serverUrl) throw new Error('tools tests need DATABASE_URL (a Postgres server; ./kairo test sets it)')
const database = `kairo_mail_outage_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`
const databaseUrl = withDatabase(serverUrl, database)
const run = Math.random().toString(36).slice(2, 8)

let temp: string
let mail: LocalMailServer | undefined
let worker: Service | undefined
let smtpPort: number
let inboxPort: number
let workerPort: number
let sql: postgres.Sql

interface Row {
  id: string
  attempts: number
  last_error: string | null
  sent_at: Date | null
  dead_at: Date | null
  next_attempt_at: Date
  created_at: Date
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no free port')
  return address.port
}

const startMail = () =>
  startMailServer({ smtpPort, inboxPort, mailDirectory: join(temp, 'mail'), quiet: true })

/** Fires the outbox cron once, as tools/src/scheduled-ticker.ts does. */
async function fireCron(): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${workerPort}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`)
  expect(response.status).toBe(200)
  await response.body?.cancel()
}

/** An "SMTP server" that sends its greeting and closes the connection on the client's first line. */
async function serveHangUp(port: number): Promise<Server> {
  const server = createServer((socket) => {
    socket.write('220 going away ESMTP\r\n')
    socket.once('data', () => socket.end())
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return server
}

const rowsOf = (ids: string[]) => sql<Row[]>`select * from app.outbox where id = any(${ids}::uuid[])`

type InboxEmail = { to: Array<{ address: string }>; headers: Record<string, string> }

/** What MailDev received, through its REST API. */
async function inbox(): Promise<InboxEmail[]> {
  return (await (await fetch(`http://127.0.0.1:${inboxPort}/api/email`)).json()) as InboxEmail[]
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'kairo-mail-outage-'))
  await createDatabaseIfMissing(serverUrl, database)
  await migrateApp(databaseUrl)
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} })
  ;[smtpPort, inboxPort, workerPort] = [await freePort(), await freePort(), await freePort()]
  // The root config without [assets], so the test needs no built site.
  const config = (await readFile(join(repoRoot, 'wrangler.toml'), 'utf8'))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(join(repoRoot, 'api/src/index.ts'))}`)
    .replace(/^#:schema.*$/m, '')
    .replace(/\n\[assets\][\s\S]*?(?=\n\[)/, '\n')
  const configPath = join(temp, 'wrangler.toml')
  await writeFile(configPath, config)
  mail = await startMail()
  worker = await startWorker({
    port: workerPort,
    databaseUrl,
    persistTo: join(temp, 'wrangler'),
    configPath,
    // Retries after 1, 2, 4… seconds, so the test waits seconds, not minutes.
    vars: { ...localMailSettings(smtpPort), MAIL_RETRY_BASE_SECONDS: '1' },
    quiet: true,
  })
}, 180_000)

afterAll(async () => {
  await worker?.stop()
  await mail?.stop()
  await sql?.end()
  await dropDatabase(serverUrl, database).catch(() => undefined)
  await rm(temp, { recursive: true, force: true })
}, 60_000)

it('queues and backs off while the SMTP server is down, then delivers every message exactly once', async () => {
  await mail?.stop()
  const ids: string[] = []
  for (let n = 0; n < 5; n++) {
    const payload = { to: `outage-${n}-${run}@example.test`, name: `Person ${n}` }
    const [row] = await sql<{ id: string }[]>`
      insert into app.outbox (kind, payload) values ('auth.password_changed', ${sql.json(payload)}) returning id`
    if (row) ids.push(row.id)
  }

  // Down: each run fails, counts an attempt, and pushes the next one out by the backoff.
  await fireCron()
  await expect
    .poll(async () => (await rowsOf(ids)).every((row) => row.attempts >= 1 && row.last_error), {
      timeout: 20_000,
    })
    .toBe(true)
  const afterFirst = await rowsOf(ids)
  for (const row of afterFirst) {
    expect(row.sent_at).toBeNull()
    expect(row.dead_at).toBeNull()
    expect(row.last_error).toMatch(/^smtp 127\.0\.0\.1:\d+: /)
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now() - 1000)
  }
  // Down another way: a server that greets and hangs up. The attempt must fail (not hang the run).
  const hangUp = await serveHangUp(smtpPort)
  await new Promise((resolve) => setTimeout(resolve, 1500))
  await fireCron()
  await expect
    .poll(async () => (await rowsOf(ids)).every((row) => row.attempts >= 2), { timeout: 20_000 })
    .toBe(true)
  for (const row of await rowsOf(ids)) {
    // The second failure waits twice as long as the first.
    expect(row.sent_at).toBeNull()
    expect(row.attempts).toBe(2)
    expect(row.next_attempt_at.getTime() - row.created_at.getTime()).toBeGreaterThan(2000)
  }

  await new Promise<void>((resolve) => hangUp.close(() => resolve()))
  expect((await rowsOf(ids)).every((row) => /closed the connection/.test(row.last_error ?? ''))).toBe(true)

  // Back: the next runs deliver everything; more runs send nothing again.
  mail = await startMail()
  await expect
    .poll(
      async () => {
        await fireCron()
        return (await rowsOf(ids)).every((row) => row.sent_at !== null)
      },
      { timeout: 60_000, interval: 1000 },
    )
    .toBe(true)
  for (let n = 0; n < 3; n++) await fireCron()
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const received = (await inbox()).filter((email) =>
    email.to.some((to) => to.address.endsWith(`-${run}@example.test`)),
  )
  const messageIds = received.map((email) => email.headers['message-id']).sort()
  expect(messageIds).toEqual(ids.map((id) => `<${id}@kairo.studio>`).sort())
}, 150_000)
