import { env } from 'cloudflare:workers'
import {
  activityEvents,
  auditLog,
  automationRuns,
  automations,
  companies,
  type Database,
  dataVersion,
  deliverableComments,
  deliverableVersions,
  projectDeliverables,
  projectMilestones,
  projects,
  users,
} from '@kairo/db'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import {
  type CompanyWork,
  clearAutomationStateLimits,
  createTwoCompanies,
} from './support/dashboard-fixtures.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// The dashboard's read cache (src/data/read-cache.ts) from the outside: a repeated view costs only the
// session's statement, and no write, however it is made, is ever hidden by it.

const ORIGIN = 'http://localhost'
const fixtures = new Fixtures()
let vega: CompanyWork
let client: TestUser
let clientCookie: string
let teamCookie: string

beforeAll(async () => {
  ;({ vega, client, clientCookie, teamCookie } = await createTwoCompanies(fixtures))
})

afterAll(async () => {
  await clearAutomationStateLimits(fixtures.db, client.id)
  await fixtures.cleanup()
})

const get = (path: string, cookie = clientCookie, bindings: Cloudflare.Env = env) =>
  requestCountingQueries(`${ORIGIN}${path}`, { headers: { cookie } }, bindings)

async function currentVersion(): Promise<bigint> {
  const [row] = await fixtures.db.select({ version: dataVersion.version }).from(dataVersion)
  if (!row) throw new Error('app.data_version has no row')
  return row.version
}

/**
 * Runs `views` until the data version stayed the same from before the first request to after the
 * last: other test files write to the same database in parallel, and each of their writes rightly
 * empties the cache. Returns what the views returned in that quiet attempt.
 */
async function inQuietMoment<T>(views: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = await currentVersion()
    const seen = await views()
    if ((await currentVersion()) === before) return seen
  }
  throw new Error('the data version never held still for two requests')
}

describe('repeated views', () => {
  for (const path of ['/dashboard', '/dashboard/projects', '/dashboard/automations', '/api/v1/projects']) {
    it(`${path} costs only the session's statement while nothing changed`, async () => {
      const [first, second] = await inQuietMoment(async () => {
        const a = await get(path)
        const b = await get(path)
        expect(a.response.status).toBe(200)
        expect(b.response.status).toBe(200)
        expect(withoutNonces(await b.response.text())).toBe(withoutNonces(await a.response.text()))
        return [a.queries, b.queries]
      })
      expect(first?.length).toBeLessThanOrEqual(2)
      expect(second).toHaveLength(1)
      expect(second?.[0]).toContain('"app"."sessions"')
    })
  }

  it('READ_CACHE=off sends the page statement every time', async () => {
    const off = { ...env, READ_CACHE: 'off' }
    await get('/dashboard', clientCookie, off)
    const { response, queries } = await get('/dashboard', clientCookie, off)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
  })
})

/** A page without its per-response CSP nonces, so two responses can be compared. */
function withoutNonces(body: string): string {
  return body.replace(/ nonce="[^"]+"/g, '')
}

describe('writes are seen on the next request', () => {
  it('a run written straight to the database (not through the app)', async () => {
    await get('/dashboard')
    await fixtures.db.insert(automationRuns).values({
      automationId: vega.activeAutomationId,
      startedAt: new Date(),
      finishedAt: new Date(),
      outcome: 'failure',
      durationMs: 4321,
      message: 'Cache probe failure',
    })
    const html = await (await get('/dashboard')).response.text()
    expect(html).toMatch(/Vega lead routing<\/a> ran: failed in 4\.3 s/)
  })

  it('a project renamed in SQL, on the overview and both project lists', async () => {
    for (const path of ['/dashboard', '/dashboard/projects', '/api/v1/projects']) await get(path)
    await fixtures.db
      .update(projects)
      .set({ name: 'Vega relaunch site' })
      .where(eq(projects.id, vega.projectId))
    for (const path of ['/dashboard', '/dashboard/projects', '/api/v1/projects']) {
      const body = await (await get(path)).response.text()
      expect(body, path).toContain('Vega relaunch site')
    }
  })

  it('a pause through the dashboard, on the overview right after the redirect', async () => {
    const before = await (await get('/dashboard')).response.text()
    expect(before).toMatch(/Vega lead routing<\/a><\/th><td><span class="badge badge--good">Running/)
    const { response } = await requestCountingQueries(
      `${ORIGIN}/dashboard/automations/${vega.activeAutomationId}/pause`,
      {
        method: 'POST',
        headers: {
          cookie: clientCookie,
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: '',
      },
    )
    expect(response.status).toBe(303)
    const after = await (await get('/dashboard')).response.text()
    expect(after).toMatch(/Vega lead routing<\/a><\/th><td><span class="badge badge--warn">Paused/)
  })

  it("keeps each scope's data to itself: a client never gets the team's cached overview", async () => {
    // In a quiet moment, so the client's view would meet the team's entry if the key forgot the scope.
    const [team, mine] = await inQuietMoment(async () => [
      await (await get('/dashboard', teamCookie)).response.text(),
      await (await get('/dashboard', clientCookie)).response.text(),
    ])
    expect(team).toContain('Rigel lead routing')
    expect(mine).toContain('Vega lead routing')
    expect(mine).not.toContain('Rigel')
  })
})

/**
 * The version change one write makes, measured with the counter's row locked for the duration so no
 * other test's write can interleave, and rolled back so nothing stays.
 */
async function versionStep(write: (tx: Database) => Promise<unknown>): Promise<bigint> {
  const undo = new Error('undo the probe write')
  let step: bigint | undefined
  try {
    await fixtures.db.transaction(async (tx) => {
      const version = async (lock: boolean) => {
        const [row] = await tx.execute<{ version: string }>(
          lock
            ? sql`select version::text from ${dataVersion} for update`
            : sql`select version::text from ${dataVersion}`,
        )
        return BigInt(row?.version ?? 'NaN')
      }
      const before = await version(true)
      await write(tx as unknown as Database)
      step = (await version(false)) - before
      throw undo
    })
  } catch (error) {
    if (error !== undo) throw error
  }
  if (step === undefined) throw new Error('the probe write did not run')
  return step
}

describe('the data version triggers', () => {
  it('count every write to what the cached reads show', async () => {
    const writes: Record<string, (tx: Database) => Promise<unknown>> = {
      companies: (tx) =>
        tx
          .update(companies)
          .set({ name: 'Vega Corporation' })
          .where(eq(companies.id, client.companyId ?? '')),
      projects: (tx) => tx.update(projects).set({ status: 'review' }).where(eq(projects.id, vega.projectId)),
      milestones: (tx) =>
        tx
          .update(projectMilestones)
          .set({ doneAt: new Date() })
          .where(eq(projectMilestones.projectId, vega.projectId)),
      deliverables: (tx) =>
        tx.delete(projectDeliverables).where(eq(projectDeliverables.id, vega.deliverableId)),
      'deliverable versions': (tx) =>
        tx
          .update(deliverableVersions)
          .set({ reviewState: 'approved' })
          .where(eq(deliverableVersions.deliverableId, vega.deliverableId)),
      'deliverable comments': (tx) =>
        tx.insert(deliverableComments).values({
          versionId: sql`(select id from app.deliverable_versions where deliverable_id = ${vega.deliverableId})`,
          authorId: client.id,
          body: 'Looks right',
        }),
      'activity events': (tx) =>
        tx.insert(activityEvents).values({
          companyId: client.companyId ?? '',
          projectId: vega.projectId,
          kind: 'comment.added',
        }),
      automations: (tx) =>
        tx.update(automations).set({ title: 'Renamed' }).where(eq(automations.id, vega.draftAutomationId)),
      runs: (tx) => tx.delete(automationRuns).where(eq(automationRuns.automationId, vega.activeAutomationId)),
      'user names': (tx) => tx.update(users).set({ name: 'Vera Renamed' }).where(eq(users.id, client.id)),
      'automation audit entries': (tx) =>
        tx.insert(auditLog).values({
          action: 'automation.paused',
          actorId: client.id,
          targetType: 'automation',
          targetId: vega.activeAutomationId,
        }),
    }
    // At least one step: a delete that cascades (a deliverable takes its versions with it) raises it
    // once per table it reaches, which is as good for the cache.
    for (const [what, write] of Object.entries(writes)) {
      expect(await versionStep(write), what).toBeGreaterThanOrEqual(1n)
    }
  })

  it('leave it alone for writes the cached reads do not show (sign-ins, passwords, sessions)', async () => {
    expect(
      await versionStep((tx) =>
        tx
          .insert(auditLog)
          .values({ action: 'auth.sign_in', actorId: client.id, targetType: 'user', targetId: client.id }),
      ),
    ).toBe(0n)
    expect(
      await versionStep((tx) =>
        tx.update(users).set({ passwordHash: 'unusable' }).where(eq(users.id, client.id)),
      ),
    ).toBe(0n)
  })
})
