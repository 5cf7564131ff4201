import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '@kairo/api/password'
import { migrateApp } from '@kairo/db/migrate'
import {
  createDatabaseIfMissing,
  dropDatabase,
  localMailSettings,
  type Service,
  startWorker,
  testSystem,
  withDatabase,
} from '@kairo/tools'
import { expect, test } from '@playwright/test'
import postgres from 'postgres'
import { newPassword, signIn, uniqueTag } from '../dashboard.ts'
import { emailsTo, linkIn, waitForEmail } from '../inbox.ts'
import { giveTotp, newTotpSecret } from '../second-factor.ts'
import { requiredEnv } from '../system.ts'

// The operations alerts (api/README.md "Operations and alerts") as an admin meets them: real 5xx
// answers and real slow answers, an alert e-mail in the run's inbox, and the operations view. The
// trouble is made outside the Worker, with nothing in the product changed for it: a Worker of this
// spec's own reaches its own database through a TCP proxy written here, which first slows every
// packet down (slow answers) and then stops listening (the database out of reach, answered 503). The
// Worker and its database are the spec's own so that neither its incident nor its figures reach the
// run's Worker, whose cron reads the run's database every few seconds and would mail the demo admin.

/** Ports no other part of the test system or the benchmarks use (tools' testSystem, bench's ports.ts). */
const PORTS = { worker: 8867, proxy: 54409 }
const ORIGIN = `http://127.0.0.1:${PORTS.worker}`
/** The alert's subject: "Kairo alert: " and the conditions that opened the incident. */
const ALERT_SUBJECT = /^Kairo alert: /

/**
 * A TCP proxy in front of PostgreSQL: it passes bytes both ways, each chunk held back `delayMs` (in
 * order), and `refuse()` stops listening and drops the open connections, so a connection attempt is
 * refused as if the server were down, until `listen()` again.
 */
class DatabaseLink {
  delayMs = 0
  private server: Server | undefined
  private readonly sockets = new Set<Socket>()

  private readonly port: number
  private readonly target: { host: string; port: number }

  constructor(port: number, target: { host: string; port: number }) {
    this.port = port
    this.target = target
  }

  async listen(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(this.target.port, this.target.host)
      const drop = () => {
        client.destroy()
        upstream.destroy()
      }
      for (const socket of [client, upstream]) {
        this.sockets.add(socket)
        socket.on('close', () => this.sockets.delete(socket))
        socket.on('error', drop)
      }
      this.pipe(client, upstream)
      this.pipe(upstream, client)
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
  }

  async refuse(): Promise<void> {
    const server = this.server
    this.server = undefined
    for (const socket of this.sockets) socket.destroy()
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Forwards `from` to `to`, each chunk after the delay, keeping their order. */
  private pipe(from: Socket, to: Socket): void {
    let queue = Promise.resolve()
    const later = (write: () => void) => {
      const delay = this.delayMs
      queue = queue.then(async () => {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
        if (!to.destroyed) write()
      })
    }
    from.on('data', (chunk) => later(() => to.write(chunk)))
    from.on('end', () => later(() => to.end()))
  }
}

/**
 * Fires the Worker's every-minute cron (outbox, webhooks, alerts) as `wrangler dev --test-scheduled`
 * allows; the answer comes once the run is over. With the database out of reach it is 500: the
 * outbox fails (the alerts still run to the end first).
 */
async function fireCron(): Promise<number> {
  const response = await fetch(`${ORIGIN}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}`)
  await response.body?.cancel()
  return response.status
}

/** `count` requests to the Worker's health check, `concurrency` at a time: the status and time of each. */
async function healthChecks(
  count: number,
  concurrency: number,
): Promise<Array<{ status: number; ms: number }>> {
  const results: Array<{ status: number; ms: number }> = []
  for (let done = 0; done < count; done += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - done) }, async () => {
      const started = performance.now()
      const response = await fetch(`${ORIGIN}/api/health`)
      await response.body?.cancel()
      return { status: response.status, ms: performance.now() - started }
    })
    results.push(...(await Promise.all(batch)))
  }
  return results
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('forced errors and slow answers: one alert e-mail per admin for the incident, and the operations view shows it', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const tag = uniqueTag()
  const serverUrl = requiredEnv('DATABASE_URL')
  const databaseName = `kairo_e2e_alerts_${tag}`
  const databaseUrl = withDatabase(serverUrl, databaseName)
  const server = new URL(serverUrl)
  const link = new DatabaseLink(PORTS.proxy, { host: server.hostname, port: Number(server.port || 5432) })
  const throughLink = new URL(databaseUrl)
  throughLink.hostname = '127.0.0.1'
  throughLink.port = String(PORTS.proxy)
  const stateDir = mkdtempSync(join(tmpdir(), 'kairo-e2e-alerts-'))
  let worker: Service | undefined

  // Two admins, who are both told, and a team member, who is not.
  const account = (label: string, role: 'admin' | 'team') => ({
    label,
    role,
    email: `${label}-${tag}@alerts-e2e.example`,
    name: `${label} ${tag}`,
    password: newPassword(),
    totpSecret: newTotpSecret(),
  })
  const admins = [account('ops-admin', 'admin'), account('ops-second-admin', 'admin')]
  const teamMember = account('ops-team', 'team')

  try {
    await createDatabaseIfMissing(serverUrl, databaseName)
    await migrateApp(databaseUrl)
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
    try {
      for (const person of [...admins, teamMember]) {
        const [row] = await sql<{ id: string }[]>`
          insert into app.users (email, name, role, password_hash)
          values (${person.email}, ${person.name}, ${person.role}, ${await hashPassword(person.password)})
          returning id`
        if (!row) throw new Error('the user was not made')
        await giveTotp(sql, row.id, person.totpSecret)
      }
    } finally {
      await sql.end()
    }
    await link.listen()
    worker = await startWorker({
      port: PORTS.worker,
      databaseUrl: throughLink.toString(),
      persistTo: join(stateDir, 'wrangler'),
      // The run's MailDev, and links in the alert that lead back to this Worker.
      vars: { ...localMailSettings(testSystem.ports.smtp), PUBLIC_ORIGIN: ORIGIN },
      secrets: { TOTP_ENCRYPTION_KEY: requiredEnv('TOTP_ENCRYPTION_KEY') },
      quiet: true,
    })

    // Slow answers: every packet to and from the database held back 400 ms. The health check still
    // says the database is up, but each answer takes over a second (past the alert's p95 of 1 s).
    link.delayMs = 400
    const slow = await healthChecks(24, 8)
    expect(slow.map((r) => r.status)).toEqual(Array(24).fill(200))
    expect(Math.min(...slow.map((r) => r.ms))).toBeGreaterThan(1000)

    // Errors: the database stops listening, and the health check answers 503 at once.
    await link.refuse()
    const failing = await healthChecks(6, 6)
    expect(failing.map((r) => r.status)).toEqual(Array(6).fill(503))

    // The database back and quick again; the cron writes the figures held while it was away and finds
    // 6 of about 30 requests failed (over 5 %) and their 95th percentile over a second.
    link.delayMs = 0
    await link.listen()
    expect(await fireCron()).toBe(200)
    const [first, second] = admins as [(typeof admins)[0], (typeof admins)[0]]
    const alert = await waitForEmail(first.email, ALERT_SUBJECT)
    expect(alert.subject).toBe('Kairo alert: error rate, slow answers')
    expect(alert.text).toMatch(/\d+(\.\d)? % of the last 5 minutes' \d+ requests failed/)
    expect(alert.text).toMatch(/95th percentile latency of the last 5 minutes is up to \d+ ms/)
    await waitForEmail(second.email, ALERT_SUBJECT)

    // Later minutes of the same incident: the database out of reach (twice), then back. The
    // incident notes it; nobody gets a second e-mail.
    await link.refuse()
    expect(await fireCron()).toBe(500)
    expect(await fireCron()).toBe(500)
    await link.listen()
    expect(await fireCron()).toBe(200)

    // The admin follows the e-mail's link, signs in, and sees the incident with every condition.
    const opsLink = linkIn(alert, /^\/dashboard\/ops$/)
    expect(new URL(opsLink).origin).toBe(ORIGIN)
    await signIn(page, first, `${ORIGIN}/login`)
    await expect(page).toHaveURL(new RegExp(`^${ORIGIN}/dashboard`))
    await page.goto(opsLink)
    await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible()
    // Each cron request above answered once its run was over: the incident already holds every condition.
    await expect(page.locator('.flash--error')).toContainText(
      /Open incident since .+: error rate, slow answers, database unreachable\. Last seen/,
    )
    // The last 24 hours: the health check's 6 failures and its p95 in seconds.
    const day = page.getByRole('region', { name: 'The last 24 hours' })
    const healthRow = day.getByRole('row', { name: /\/api\/health/ })
    await expect(healthRow.getByRole('cell').nth(2)).toHaveText('6') // errors
    await expect(healthRow.getByRole('cell').nth(4)).toHaveText(/^(≤ \d+(\.\d+)? s|over 10 s)$/) // p95
    await expect(healthRow.getByRole('cell').nth(5)).toHaveText('6') // database failures

    // One alert each for the incident, whatever the later minutes found; the team member got none.
    await pause(1_000)
    for (const admin of admins) expect(await emailsTo(admin.email, ALERT_SUBJECT)).toHaveLength(1)
    expect(await emailsTo(teamMember.email, ALERT_SUBJECT)).toHaveLength(0)
  } finally {
    await worker?.stop()
    await link.refuse()
    await dropDatabase(serverUrl, databaseName)
    rmSync(stateDir, { recursive: true, force: true })
  }
})
