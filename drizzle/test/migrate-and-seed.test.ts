import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { and, count, eq, isNotNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  auditLog,
  automationRuns,
  automations,
  companies,
  deliverableVersions,
  leads,
  projectDeliverables,
  projects,
  sessions,
  users,
} from '../src/index.ts'
import { migrateApp, migrationsFolder } from '../src/migrate.ts'
import { createNodeDb } from '../src/node.ts'
import { seedApp } from '../src/seed.ts'
import { demoDeliverableFiles } from '../src/seed-data.ts'
import { createScratchDatabase } from './database.ts'

// A stand-in hasher: the real argon2id one lives in @kairo/api and is tested there.
const hashPassword = async (password: string) => `test-hash:${password}`

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>
let client: ReturnType<typeof createNodeDb>

beforeAll(async () => {
  scratch = await createScratchDatabase()
  client = createNodeDb(scratch.url, { max: 2 })
})

afterAll(async () => {
  await client?.close()
  await scratch?.drop()
})

describe('migrateApp', () => {
  it('creates the app schema and can run again without changes', async () => {
    await migrateApp(scratch.url)
    await migrateApp(scratch.url)
    const tables = await client.sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'app' order by table_name`
    expect(tables.map((t) => t.table_name)).toEqual([
      '__drizzle_migrations',
      'activity_events',
      'audit_log',
      'automation_runs',
      'automations',
      'companies',
      'data_version',
      'deliverable_comments',
      'deliverable_versions',
      'invitations',
      'lead_notes',
      'leads',
      'model_jobs',
      'notification_preferences',
      'notifications',
      'outbox',
      'passkeys',
      'password_resets',
      'pending_sign_ins',
      'project_deliverables',
      'project_milestones',
      'projects',
      'rate_limits',
      'recovery_codes',
      'request_metrics',
      'sessions',
      'totp_factors',
      'users',
      'web_vitals',
      'webauthn_challenges',
      'webhook_deliveries',
      'webhook_delivery_attempts',
      'webhook_endpoints',
    ])
    const journal = await client.sql`select id from app.__drizzle_migrations`
    const migrationFiles = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql'))
    expect(journal).toHaveLength(migrationFiles.length)
    const drizzleSchema =
      await client.sql`select 1 from information_schema.schemata where schema_name = 'drizzle'`
    expect(drizzleSchema).toHaveLength(0)
    // The data version (read by every session statement) is one row, and stays one row.
    expect(await client.sql`select version from app.data_version`).toHaveLength(1)
    await expect(client.sql`insert into app.data_version (id) values (false)`).rejects.toThrow(
      /data_version_single_row/,
    )
  })
})

describe('seedApp', () => {
  it('seeds the demo data once and skips the second time', async () => {
    const first = await seedApp(client.db, { hashPassword })
    expect(first.seeded).toBe(true)
    const second = await seedApp(client.db, { hashPassword })
    expect(second).toEqual({ seeded: false, reason: 'already-seeded' })

    const [company] = await client.db.select().from(companies).where(eq(companies.slug, 'orbital-labs'))
    expect(company?.name).toBe('Orbital Labs')
    const [projectCount] = await client.db.select({ n: count() }).from(projects)
    expect(projectCount?.n).toBeGreaterThanOrEqual(2)
    const [leadCount] = await client.db.select({ n: count() }).from(leads)
    expect(leadCount?.n).toBe(7)
    // One lead became the Orbital Labs client, so the demo analytics show a conversion.
    const converted = await client.db.select().from(leads).where(isNotNull(leads.convertedAt))
    expect(converted).toMatchObject([{ email: 'lena@orbital-labs.example', companyId: company?.id }])

    const [clientUser] = await client.db
      .select()
      .from(users)
      .where(eq(users.email, 'client@orbital-labs.example'))
    expect(clientUser).toMatchObject({ role: 'client', companyId: company?.id })
    expect(clientUser?.passwordHash).toBe('test-hash:kairo-client-demo')
    const [teamUser] = await client.db.select().from(users).where(eq(users.email, 'team@kairo.studio'))
    expect(teamUser).toMatchObject({ role: 'admin', companyId: null })
  })

  it('seeds a second company with its own client, projects and automations', async () => {
    const [nadir] = await client.db.select().from(companies).where(eq(companies.slug, 'nadir-robotics'))
    expect(nadir?.name).toBe('Nadir Robotics')
    const [nadirClient] = await client.db
      .select()
      .from(users)
      .where(eq(users.email, 'client@nadir-robotics.example'))
    expect(nadirClient).toMatchObject({ role: 'client', companyId: nadir?.id })
    const nadirProjects = await client.db
      .select()
      .from(projects)
      .where(eq(projects.companyId, nadir?.id ?? ''))
    expect(nadirProjects.map((p) => p.name).sort()).toEqual([
      'Investor update microsite',
      'Warehouse rover configurator',
    ])
    const nadirAutomations = await client.db
      .select({ status: automations.status })
      .from(automations)
      .where(eq(automations.companyId, nadir?.id ?? ''))
    expect(nadirAutomations.map((a) => a.status).sort()).toEqual(['active', 'draft'])
  })

  it('seeds deliverables matching the demo files, runs with outcomes and durations, and an audited pause', async () => {
    const versions = await client.db
      .select()
      .from(deliverableVersions)
      .innerJoin(projectDeliverables, eq(projectDeliverables.id, deliverableVersions.deliverableId))
    const files = demoDeliverableFiles()
    expect(versions).toHaveLength(files.length)
    for (const file of files) {
      const row = versions.find((v) => v.deliverable_versions.objectKey === file.key)
      const bytes = new TextEncoder().encode(file.body)
      expect(row?.deliverable_versions, file.key).toMatchObject({
        number: 1,
        contentType: file.contentType,
        bytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        fileName: file.key.split('/').pop(),
      })
    }
    const runs = await client.db.select().from(automationRuns)
    expect(runs.length).toBeGreaterThanOrEqual(10)
    expect(new Set(runs.map((r) => r.outcome))).toEqual(new Set(['success', 'failure']))
    expect(runs.every((r) => r.durationMs !== null && r.finishedAt !== null)).toBe(true)

    const [digest] = await client.db
      .select()
      .from(automations)
      .where(eq(automations.title, 'Weekly launch analytics digest'))
    const [mara] = await client.db.select().from(users).where(eq(users.email, 'client@orbital-labs.example'))
    const entries = await client.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'automation'), eq(auditLog.targetId, digest?.id ?? '')))
    expect(digest?.status).toBe('paused')
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'automation.paused',
        actorId: mara?.id,
        companyId: digest?.companyId,
      }),
    ])
  })

  it('adds only the missing company to a database seeded before it existed', async () => {
    await client.db.delete(companies).where(eq(companies.slug, 'nadir-robotics'))
    await client.db.delete(users).where(eq(users.email, 'client@nadir-robotics.example'))
    const [before] = await client.db.select({ n: count() }).from(projects)
    const result = await seedApp(client.db, { hashPassword })
    expect(result).toEqual({ seeded: true, companyIds: [expect.any(String)] })
    const [after] = await client.db.select({ n: count() }).from(projects)
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(2)
    const [orbitalCount] = await client.db
      .select({ n: count() })
      .from(companies)
      .where(eq(companies.slug, 'orbital-labs'))
    expect(orbitalCount?.n).toBe(1)
    expect(await seedApp(client.db, { hashPassword })).toEqual({ seeded: false, reason: 'already-seeded' })
  })

  it('rejects a second user whose e-mail differs only in case', async () => {
    const attempt = client.db
      .insert(users)
      .values({ email: 'Client@Orbital-Labs.EXAMPLE', name: 'Impostor', passwordHash: 'x', role: 'client' })
    // Drizzle wraps the driver's error; the Postgres error (code 23505) is its `cause`.
    await expect(attempt).rejects.toMatchObject({
      cause: { code: '23505', constraint_name: 'users_email_lower_key' },
    })
    const found = await client.db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${'CLIENT@orbital-labs.example'})`)
    expect(found).toHaveLength(1)
  })

  it('stores a session secret hash as bytes and reads the same bytes back', async () => {
    const [user] = await client.db.select({ id: users.id }).from(users).limit(1)
    if (!user) throw new Error('the seed created no users')
    const secretHash = new Uint8Array(32).map((_, i) => (i * 37) % 256)
    await client.db.insert(sessions).values({
      id: 'test-session',
      userId: user.id,
      secretHash,
      expiresAt: new Date(Date.now() + 60_000),
    })
    const [row] = await client.db.select().from(sessions).where(eq(sessions.id, 'test-session'))
    expect(row?.secretHash).toEqual(secretHash)
  })
})
