import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { hashPassword } from '@kairo/api/password'
import { createSession } from '@kairo/api/session'
import { createNodeDb } from '@kairo/db/node'
import { seedApp } from '@kairo/db/seed'
import { packageDir, type Service, startPgPooler, startWorker } from '@kairo/tools'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { benchSystem } from './lib/ports.ts'
import { treeCpuSeconds } from './lib/process-tree.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { formatTable, runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:dashboard`: load on the signed-in dashboard under `wrangler dev` (the real workerd
 * runtime) against Postgres on loopback. For 1 and 10 concurrent connections, 20 s each, it measures
 * three routes in the same run: the floor — `/api/health`, a bare Worker route that runs `select 1`
 * through the same driver and Hyperdrive binding — the dashboard overview (`/dashboard`, HTML) and one
 * JSON endpoint (`/api/v1/projects`), both as the demo client, a project page whose deliverables
 * have several versions and a review thread, and the automation run webhook (a signed report of a new
 * run per request, a write). Prints requests/s, p50, p95 and database round trips
 * per request (Postgres's own count of statements, from `pg_stat_database`). Goals: p95 within 1.5×
 * the floor's, throughput at least 2/3 of the floor's, ≤ 2 round trips per request. Then the
 * overview and the project page again on a Worker started with `READ_CACHE=off`, so every request
 * runs the page's statement (api/src/data/read-cache.ts): the cache lives in one isolate, so
 * production cannot count on it, and these are judged by the same goals.
 *
 * Every row is measured twice in the same run, as two groups, each judged against its own floor:
 * - **pooled (as Hyperdrive)**: the Worker's Hyperdrive connection string points at a local
 *   transaction-mode pooler (`startPgPooler`, tools/src/pg-pooler/) in front of the run's database.
 *   In production the Worker reaches Postgres through Hyperdrive, which keeps warm connections in
 *   transaction mode; this group is what production pays, and its goals decide the exit status.
 * - **direct (a new backend per request)**: as `wrangler dev` connects without the pooler, every
 *   request starts a new Postgres backend, whose first statements pay for loading the catalog of
 *   every table they touch (a fresh connection and `select 1`: ~20 ms; the overview's statement on a
 *   fresh backend: ~44 ms; the same statements on a warm backend: 1–4 ms). Kept for comparison with
 *   the earlier figures; its goals are shown, not enforced.
 */

type NodeDb = ReturnType<typeof createNodeDb>

/** The run's own webhook signing key (the Worker derives each automation's secret from it). */
const SIGNING_KEY = randomBytes(32).toString('hex')

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20)
/** `BENCH_DIRECT=off` measures the pooled group only (the one whose goals count), in half the time. */
const SKIP_DIRECT = process.env.BENCH_DIRECT === 'off'
const CONNECTIONS = [1, 10]
/** The run webhook is also measured as a burst of engines (and the floor with it, to judge it by). */
const BURST_CONNECTIONS = 200
/** Server connections of the local pooler that stands in for Hyperdrive's. */
const POOL_SIZE = 5

interface Target {
  name: string
  path: string
  headers: Record<string, string>
  floor?: boolean
  /** A POST row: each request's body and headers, made fresh (a signed run report). */
  post?: () => { body: string; headers: Record<string, string> }
  /** The status a request must get (200 unless said). */
  status?: number
  /** Also measured at {@link BURST_CONNECTIONS} concurrent connections. */
  burst?: boolean
  /** The most database round trips a request may take (2 unless said). */
  maxRoundTrips?: number
  /**
   * A write row: how many requests the server has carried out so far, counted from what they left
   * in the database (the run webhook: its runs stored). Round trips are then divided by these rather
   * than by the answers autocannon received: when a row's time is up, autocannon drops the requests
   * still in flight, which the Worker carries out all the same (200 of them in a burst, about 5 % of
   * its requests), so their statements would be charged to the others.
   */
  carriedOut?: () => Promise<number>
}

/** How the Worker reaches Postgres: through the local pooler, or straight, as `wrangler dev` does. */
interface Group {
  label: string
  databaseUrl: string
  /** Whether its goals decide the exit status. */
  gating: boolean
  /** Pooled: makes the pooler's backends report their counters; returns the commits that took. */
  flushCounters?: () => Promise<number>
}

interface Measured {
  group: Group
  target: Target
  connections: number
  requests: number
  errors: number
  rps: number
  p50: number
  p95: number
  roundTrips: number
  /** CPU time of the Worker's processes (workerd and wrangler) per request, in ms. */
  workerCpuMs: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

/**
 * Statements Postgres has run in this database so far: committed transactions (each autocommitted
 * statement is one, and one round trip) less sessions started (a new connection's start-up commits
 * one transaction of its own). Direct, every request opens a connection; pooled, only the pooler's
 * few connections start, and neither the Worker's connection to the pooler nor its start-up reaches
 * Postgres, so the same formula counts statements in both groups. Backends flush their counters when
 * they exit (direct) or when made to ({@link flushPooledCounters}), so the read waits a moment.
 */
async function statements(sql: NodeDb['sql']): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500))
  const [row] = await sql<{ n: string }[]>`
    select (xact_commit - sessions)::text as n from pg_stat_database where datname = current_database()`
  return Number(row?.n ?? 0)
}

/**
 * Makes every pooled backend flush its counters to `pg_stat_database` now, and returns the
 * transactions that took (one per backend). A backend that lives on flushes them only when it goes
 * idle, at most once a second, and one that touched no table since (the floor's `select 1`) not at
 * all until it does. So `POOL_SIZE` clients each hold a backend in a transaction at once (all of
 * them, the pool lends each client its own), ask for the next flush to be forced
 * (`pg_stat_force_next_flush()`, PostgreSQL 15+) and read a table; each backend flushes as its
 * transaction ends.
 */
async function flushPooledCounters(poolerUrl: string): Promise<number> {
  const clients = Array.from({ length: POOL_SIZE }, () =>
    postgres(poolerUrl, { max: 1, prepare: false, fetch_types: false, onnotice: () => {} }),
  )
  let holding = 0
  let allHolding: () => void = () => {}
  const together = new Promise<void>((resolve) => {
    allHolding = resolve
  })
  try {
    await Promise.all(
      clients.map((client) =>
        client.begin(async (tx) => {
          await tx`select pg_stat_force_next_flush(), (select count(*) from app.users)`
          if (++holding === POOL_SIZE) allHolding()
          await together
        }),
      ),
    )
  } finally {
    await Promise.all(clients.map((client) => client.end()))
  }
  return POOL_SIZE
}

/**
 * One row: `before` is the count read when the previous row ended (or after the warm-up); returns
 * the row and the count at its end, which is the next row's `before`.
 */
async function measure(
  group: Group,
  origin: string,
  target: Target,
  connections: number,
  sql: NodeDb['sql'],
  workerPid: number,
  before: number,
): Promise<{ measured: Measured; after: number }> {
  const times: number[] = []
  let errors = 0
  const carriedOutBefore = await target.carriedOut?.()
  const cpuBefore = treeCpuSeconds(workerPid)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const post = target.post
    const instance = autocannon(
      {
        url: `${origin}${target.path}`,
        connections,
        duration: DURATION_S,
        headers: target.headers,
        // A POST row signs each request anew (its own run id and timestamp), as an engine does.
        ...(post && {
          requests: [{ setupRequest: (request) => ({ ...request, method: 'POST', ...post() }) }],
        }),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== (target.status ?? 200)) errors++
      times.push(responseTime)
    })
  })
  const cpuAfter = treeCpuSeconds(workerPid)
  // The requests autocannon dropped at the end are still being carried out: let them finish before
  // the counters are flushed and read, so that their statements fall in this row.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  // The read of `before` (on an open connection) committed once after its snapshot, a flush of the
  // pooled counters commits its own, and a write row's two reads of what was carried out one each:
  // all are subtracted.
  const flushed = group.flushCounters ? await group.flushCounters() : 0
  const carriedOutAfter = await target.carriedOut?.()
  const own = 1 + flushed + (target.carriedOut ? 2 : 0)
  const after = await statements(sql)
  times.sort((a, b) => a - b)
  const requests = result.requests.total
  const carriedOut =
    carriedOutAfter !== undefined && carriedOutBefore !== undefined
      ? carriedOutAfter - carriedOutBefore
      : requests
  const measured: Measured = {
    group,
    target,
    connections,
    requests,
    errors: errors + result.errors + result.timeouts,
    rps: requests / DURATION_S,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    roundTrips: carriedOut > 0 ? (after - before - own) / carriedOut : Number.NaN,
    workerCpuMs: requests > 0 ? ((cpuAfter - cpuBefore) * 1000) / requests : Number.NaN,
  }
  return { measured, after }
}

/**
 * Gives the demo client's first project the history a real engagement has: each deliverable gets two
 * more versions, and each version a review thread (on the older ones a change request, and on all the
 * studio's reply, an internal note and the client's comment), the newest version left waiting. Returns the project's id.
 */
async function addReviewHistory(sql: NodeDb['sql']): Promise<string> {
  const [project] = await sql<{ id: string }[]>`
    select p.id from app.projects p join app.companies c on c.id = p.company_id
    where c.slug = 'orbital-labs' order by p.created_at, p.name limit 1`
  if (!project) throw new Error('the demo project was not seeded')
  const [team] = await sql<{ id: string }[]>`select id from app.users where email = 'team@kairo.studio'`
  const [client] = await sql<{ id: string }[]>`
    select id from app.users where email = 'client@orbital-labs.example'`
  await sql`
    insert into app.deliverable_versions
      (deliverable_id, number, file_name, object_key, content_type, bytes, uploaded_by_id, uploaded_at, review_state)
    select v.deliverable_id, v.number + n, v.file_name, v.object_key || '.v' || (v.number + n), v.content_type,
      v.bytes, ${team?.id ?? null}, v.uploaded_at + make_interval(days => n), 'waiting'
    from app.deliverable_versions v join app.project_deliverables d on d.id = v.deliverable_id,
      generate_series(1, 2) n
    where d.project_id = ${project.id}`
  await sql`
    update app.deliverable_versions v set review_state = 'changes_requested'
    from app.project_deliverables d
    where d.id = v.deliverable_id and d.project_id = ${project.id}
      and v.number < (select max(number) from app.deliverable_versions w where w.deliverable_id = v.deliverable_id)`
  await sql`
    insert into app.deliverable_comments (version_id, author_id, kind, body, internal, created_at)
    select v.id, c.author, c.kind::app.comment_kind, c.body, c.internal, v.uploaded_at + c.after
    from app.deliverable_versions v join app.project_deliverables d on d.id = v.deliverable_id,
      (values
        (${client?.id ?? null}::uuid, 'changes_requested', 'The lighting on the left reads too cold; can it warm up?', false, interval '2 hours'),
        (${team?.id ?? null}::uuid, 'comment', 'Yes: warmer key light and a softer rim in the next version.', false, interval '3 hours'),
        (${team?.id ?? null}::uuid, 'comment', 'Render farm queue is long tonight; send tomorrow morning.', true, interval '4 hours'),
        (${client?.id ?? null}::uuid, 'comment', 'Thanks, the composition itself is right.', false, interval '5 hours')
      ) as c(author, kind, body, internal, after)
    where d.project_id = ${project.id} and (c.kind = 'comment' or v.review_state = 'changes_requested')`
  return project.id
}

/**
 * The automation run webhook as an engine calls it: an active automation of a company of its own gets
 * a key id, and every request reports a new run finished, signed with the secret derived from it (computed
 * here with node:crypto, independently of the Worker's WebCrypto code, as in api/README.md):
 * `secret = base64url(HMAC-SHA256(key, "kairo-automation-webhook:" + keyId))`, and the signature the
 * HMAC of `timestamp + "." + body` under it. Answered 202.
 */
async function runWebhookTarget(sql: NodeDb['sql']): Promise<Target> {
  const keyId = randomBytes(16).toString('base64url')
  // An automation of a company of its own: the thousands of runs this row stores would otherwise
  // weigh on the demo client's pages measured after it.
  const [company] = await sql<{ id: string }[]>`
    insert into app.companies (name, slug) values ('Bench Engines', 'bench-engines') returning id`
  const [automation] = await sql<{ id: string }[]>`
    insert into app.automations (company_id, title, status, webhook_key_id)
    values (${company?.id ?? null}, 'Bench engine', 'active', ${keyId}) returning id`
  if (!automation) throw new Error('could not make the benchmark automation')
  const secret = createHmac('sha256', SIGNING_KEY)
    .update(`kairo-automation-webhook:${keyId}`)
    .digest('base64url')
  return {
    name: 'POST run webhook (signed, JSON)',
    path: `/api/hooks/automation-runs/${keyId}`,
    headers: {},
    status: 202,
    burst: true,
    // One statement stores the run (and is the idempotency check): anything more is a regression.
    maxRoundTrips: 1,
    // Each read is one statement on the benchmark's own connection, which `measure` subtracts.
    carriedOut: async () => {
      const [row] = await sql<{ n: string }[]>`
        select count(*)::text as n from app.automation_runs where automation_id = ${automation.id}`
      return Number(row?.n ?? 0)
    },
    post: () => {
      const finishedAt = new Date()
      const body = JSON.stringify({
        runId: `bench-${randomUUID()}`,
        event: 'finished',
        outcome: 'success',
        startedAt: new Date(finishedAt.getTime() - 1200).toISOString(),
        finishedAt: finishedAt.toISOString(),
      })
      const timestamp = String(Math.floor(finishedAt.getTime() / 1000))
      const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'kairo-timestamp': timestamp,
          'kairo-signature': `v1=${signature}`,
        },
      }
    },
  }
}

/** Runs every row with the Worker reaching Postgres one way: cache on, then `READ_CACHE=off`. */
async function measureGroup(
  group: Group,
  targets: Target[],
  sql: NodeDb['sql'],
  onWorker: (worker: Service | undefined) => void,
): Promise<Measured[]> {
  const start = async (vars: Record<string, string> = {}) => {
    const worker = await startWorker({
      port: benchSystem.dashboard.api,
      databaseUrl: group.databaseUrl,
      persistTo: benchSystem.wranglerState,
      quiet: true,
      vars,
      secrets: { WEBHOOK_SIGNING_KEY: SIGNING_KEY },
    })
    onWorker(worker)
    return worker
  }
  const origin = `http://127.0.0.1:${benchSystem.dashboard.api}`
  const pidOf = (service: Service) => {
    if (service.child.pid === undefined) throw new Error('the Worker process has no pid')
    return service.child.pid
  }
  // Warm-up: workerd compiles the Worker and Postgres caches the catalog on first use (pooled, in
  // the backends the run then reuses).
  const warmUp = () =>
    autocannon({ url: `${origin}/dashboard`, connections: 2, duration: 3, headers: targets[1]?.headers })
  const run = async (worker: Service, rows: Target[]) => {
    const results: Measured[] = []
    await group.flushCounters?.()
    let count = await statements(sql)
    for (const connections of [...CONNECTIONS, BURST_CONNECTIONS]) {
      // The burst only through the pooler: direct, 200 requests in flight would be 200 backends, past
      // a default server's max_connections (100), which Hyperdrive exists to spare it.
      const burst = connections === BURST_CONNECTIONS
      if (burst && !group.gating) continue
      for (const target of rows.filter((t) => !burst || t.burst)) {
        process.stdout.write(
          `${group.label}: ${target.name}, ${connections} connection(s), ${DURATION_S} s… `,
        )
        const row = await measure(group, origin, target, connections, sql, pidOf(worker), count)
        const measured = row.measured
        count = row.after
        results.push(measured)
        console.log(`${measured.rps.toFixed(1)} req/s`)
      }
    }
    return results
  }

  let worker = await start()
  for (const target of targets) {
    const post = target.post?.()
    const response = await fetch(`${origin}${target.path}`, {
      method: post ? 'POST' : 'GET',
      headers: { ...target.headers, ...post?.headers },
      body: post?.body,
    })
    const expected = target.status ?? 200
    if (response.status !== expected) {
      throw new Error(`${group.label}: ${target.path} answered ${response.status}, not ${expected}`)
    }
  }
  await warmUp()
  const cached = await run(worker, targets)

  // The pages again with the read cache off, on a Worker of its own (a var is fixed at start).
  await worker.stop()
  onWorker(undefined)
  worker = await start({ READ_CACHE: 'off' })
  const uncached: Target[] = targets
    .filter((t) => t.path.startsWith('/dashboard'))
    .map((t) => ({ ...t, name: `${t.name.replace(' (HTML)', '')}, read cache off` }))
  await warmUp()
  const results = [...cached, ...(await run(worker, uncached))]
  await worker.stop()
  onWorker(undefined)
  if (!group.gating) return results

  // The overview once more with request metrics off (REQUEST_METRICS=off), beside its floor, so the
  // recorder's own cost per request reads off the two overview rows (api/src/ops/record.ts).
  worker = await start({ REQUEST_METRICS: 'off' })
  const unrecorded: Target[] = targets
    .filter((t) => t.floor || t.path === '/dashboard')
    .map((t) => ({ ...t, name: `${t.name}, request metrics off`, burst: false }))
  await warmUp()
  results.push(...(await run(worker, unrecorded)))
  await worker.stop()
  onWorker(undefined)
  return results
}

/** What recording request metrics costs the overview: the rows with it on and off, per connection count. */
function recordingCost(results: Measured[]): string[] {
  const lines: string[] = []
  for (const connections of CONNECTIONS) {
    const row = (name: string) => results.find((r) => r.target.name === name && r.connections === connections)
    const on = row('GET /dashboard (HTML)')
    const off = row('GET /dashboard (HTML), request metrics off')
    if (!on || !off) continue
    lines.push(
      `${connections} conn: p50 ${on.p50.toFixed(0)} vs ${off.p50.toFixed(0)} ms, p95 ${on.p95.toFixed(0)} vs ` +
        `${off.p95.toFixed(0)} ms, Worker CPU ${on.workerCpuMs.toFixed(2)} vs ${off.workerCpuMs.toFixed(2)} ms/req ` +
        `(+${(on.workerCpuMs - off.workerCpuMs).toFixed(2)}), DB trips ${on.roundTrips.toFixed(2)} vs ${off.roundTrips.toFixed(2)}`,
    )
  }
  return lines
}

/** One group's table, each row judged against the floor measured the same way; true when all met. */
function report(group: Group, results: Measured[]): boolean {
  let goalsMet = true
  const rows = [
    [
      'route',
      'conns',
      'requests',
      'non-200',
      'req/s',
      'p50 ms',
      'p95 ms',
      'DB trips/req',
      'Worker CPU ms/req',
      'p95 ÷ floor',
      'req/s ÷ floor',
      'goals',
    ],
  ]
  for (const r of results) {
    const floor = results.find((f) => f.target.floor && f.connections === r.connections)
    const latencyRatio = floor ? r.p95 / floor.p95 : Number.NaN
    const throughputRatio = floor ? r.rps / floor.rps : Number.NaN
    const judged = !r.target.floor
    const met =
      latencyRatio <= 1.5 &&
      throughputRatio >= 2 / 3 &&
      r.roundTrips <= (r.target.maxRoundTrips ?? 2) + 0.05 &&
      r.errors === 0
    if (judged && !met) goalsMet = false
    rows.push([
      r.target.name,
      String(r.connections),
      String(r.requests),
      String(r.errors),
      r.rps.toFixed(1),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.roundTrips.toFixed(2),
      r.workerCpuMs.toFixed(1),
      r.target.floor ? '' : latencyRatio.toFixed(2),
      r.target.floor ? '' : throughputRatio.toFixed(2),
      r.target.floor ? 'floor' : met ? '✓' : '✗',
    ])
  }
  const note = group.gating
    ? 'its goals decide the exit status'
    : 'for comparison; its goals are not enforced'
  console.log(`\n${group.label} (${note})\n${formatTable(rows)}`)
  return goalsMet
}

async function main(): Promise<boolean> {
  const database = await openRunDatabase('kairo_bench_load')
  const { db, sql, close } = createNodeDb(database.databaseUrl, { max: 1 })
  let worker: Service | undefined
  let pooler: Awaited<ReturnType<typeof startPgPooler>> | undefined
  try {
    await seedApp(db, { hashPassword })
    const [client] = await sql<{ id: string }[]>`
      select id from app.users where email = 'client@orbital-labs.example'`
    if (!client) throw new Error('the demo client was not seeded')
    // A real session through the session module (as POST /login makes one), so the run measures
    // the dashboard and not argon2id: the sign-in's cost is reported by the api tests.
    const { token } = await createSession(db, client.id, { userAgent: 'bench' })
    const projectId = await addReviewHistory(sql)
    const cookie = `__Host-session=${token}`
    // wrangler dev serves site/dist; the dashboard needs none of it, but the folder must exist.
    mkdirSync(join(packageDir.site, 'dist'), { recursive: true })
    const targets: Target[] = [
      {
        name: 'floor: GET /api/health (select 1)',
        path: '/api/health',
        headers: {},
        floor: true,
        burst: true,
      },
      { name: 'GET /dashboard (HTML)', path: '/dashboard', headers: { cookie, accept: 'text/html' } },
      {
        name: 'GET /api/v1/projects (JSON)',
        path: '/api/v1/projects',
        headers: { cookie, accept: 'application/json' },
      },
      {
        name: 'GET /dashboard/projects/:id (HTML)',
        path: `/dashboard/projects/${projectId}`,
        headers: { cookie, accept: 'text/html' },
      },
      await runWebhookTarget(sql),
    ]

    // Note: Hyperdrive sizes its pool itself; five warm connections stand in for it here.
    pooler = await startPgPooler({ databaseUrl: database.databaseUrl, port: 0, size: POOL_SIZE })
    const poolerUrl = pooler.url
    const groups: Group[] = [
      {
        label: 'pooled (as Hyperdrive)',
        databaseUrl: pooler.url,
        gating: true,
        flushCounters: () => flushPooledCounters(poolerUrl),
      },
      {
        label: 'direct (a new backend per request)',
        databaseUrl: database.databaseUrl,
        gating: false,
      },
    ].filter((group) => group.gating || !SKIP_DIRECT)
    const measured = new Map<Group, Measured[]>()
    for (const group of groups) {
      measured.set(group, await measureGroup(group, targets, sql, (w) => (worker = w)))
    }

    let goalsMet = true
    for (const group of groups) {
      const met = report(group, measured.get(group) ?? [])
      if (group.gating && !met) goalsMet = false
      const cost = recordingCost(measured.get(group) ?? [])
      if (cost.length > 0)
        console.log(`\nRequest metrics on vs off, the overview (${group.label}):\n${cost.join('\n')}`)
    }
    console.log(
      '\nGoals: p95 ≤ 1.5 × the floor, req/s ≥ 2/3 of the floor, ≤ 2 DB round trips per request (the run webhook: 1), no errors;',
      'each group against its own floor.',
    )
    return goalsMet
  } finally {
    await worker?.stop()
    await pooler?.stop()
    await close()
    await database.close()
  }
}

runBenchmark(main)
