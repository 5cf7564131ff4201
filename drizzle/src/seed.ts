import { inArray, sql } from 'drizzle-orm'
import type { Database } from './index.ts'
import {
  auditLog,
  automationRuns,
  automations,
  companies,
  deliverableVersions,
  leads,
  projectDeliverables,
  projectMilestones,
  projects,
  users,
} from './schema/index.ts'
import {
  type DemoDeliverable,
  daysFrom,
  demoAutomations,
  demoCompany,
  demoLeads,
  demoProjects,
  demoUsers,
  secondDemoAutomations,
  secondDemoCompany,
  secondDemoProjects,
} from './seed-data.ts'

// The deliverables' files, for whoever fills a bucket (the seed writes only their rows).
export { demoDeliverableFiles } from './seed-data.ts'

/** Options of {@link seedApp}. The hasher is injected so this package does not depend on the API. */
export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>
  /** The reference time for relative dates (default: now). */
  now?: Date
}

/** What {@link seedApp} did: the ids of the demo companies it created. */
export type SeedResult = { seeded: true; companyIds: string[] } | { seeded: false; reason: 'already-seeded' }

type DemoProject = (typeof demoProjects)[number] | (typeof secondDemoProjects)[number]
type DemoAutomation = (typeof demoAutomations)[number] | (typeof secondDemoAutomations)[number]
type DemoClient = typeof demoUsers.client | typeof demoUsers.secondClient

/** One demo company and everything it owns. */
interface DemoTenant {
  company: { name: string; slug: string }
  client: DemoClient
  projects: readonly DemoProject[]
  automations: readonly DemoAutomation[]
}

const TENANTS: readonly DemoTenant[] = [
  { company: demoCompany, client: demoUsers.client, projects: demoProjects, automations: demoAutomations },
  {
    company: secondDemoCompany,
    client: demoUsers.secondClient,
    projects: secondDemoProjects,
    automations: secondDemoAutomations,
  },
]

const HOUR = 3_600_000

/**
 * Inserts the demo data once: the studio's admin, two client companies ("Orbital Labs" and "Nadir
 * Robotics"), each with its client user, projects (milestones, deliverables), automations (runs with
 * outcomes and durations, an audited pause), and the leads.
 *
 * Each company is seeded only if its slug is new, so a database seeded before the second company
 * existed gets just that one; when both exist it changes nothing and returns `{ seeded: false }`.
 * Everything is written in one transaction, so a failure leaves no half-seeded database; two seeds
 * racing each other are settled by the unique slug and e-mail indexes.
 *
 * The deliverables' files are not in the database: `demoDeliverableFiles()` (seed-data.ts) gives
 * them for putting into R2.
 */
export async function seedApp(db: Database, options: SeedOptions): Promise<SeedResult> {
  const skipped = { seeded: false, reason: 'already-seeded' } as const
  const existing = await db
    .select({ slug: companies.slug })
    .from(companies)
    .where(
      inArray(
        companies.slug,
        TENANTS.map((t) => t.company.slug),
      ),
    )
  const missing = TENANTS.filter((t) => !existing.some((e) => e.slug === t.company.slug))
  if (missing.length === 0) return skipped

  const now = options.now ?? new Date()
  // Hash before opening the transaction: argon2id is deliberately slow and would hold it open.
  const teamHash = await options.hashPassword(demoUsers.team.password)
  const clientHashes = new Map<string, string>()
  for (const tenant of missing) {
    clientHashes.set(tenant.client.email, await options.hashPassword(tenant.client.password))
  }

  return db.transaction(async (tx) => {
    const { team } = demoUsers
    await tx
      .insert(users)
      .values({ email: team.email, name: team.name, role: team.role, passwordHash: teamHash })
      .onConflictDoNothing()
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${team.email})`)

    const companyIds: string[] = []
    for (const tenant of missing) {
      const [company] = await tx
        .insert(companies)
        .values(tenant.company)
        .onConflictDoNothing()
        .returning({ id: companies.id })
      // Another seed created it between our check and here: its content is that seed's job.
      if (!company) continue
      companyIds.push(company.id)
      const [clientUser] = await tx
        .insert(users)
        .values({
          email: tenant.client.email,
          name: tenant.client.name,
          role: tenant.client.role,
          passwordHash: clientHashes.get(tenant.client.email) ?? '',
          companyId: company.id,
        })
        .returning({ id: users.id })
      await seedProjects(tx, company.id, tenant.projects, now)
      await seedAutomations(tx, company.id, tenant.automations, now, {
        ownerId: owner?.id ?? null,
        clientId: clientUser?.id ?? null,
      })
    }

    // A converted lead points at its demo company by slug (seeded above, or by an earlier seed).
    const clients = await tx
      .select({ id: companies.id, slug: companies.slug })
      .from(companies)
      .where(
        inArray(
          companies.slug,
          TENANTS.map((t) => t.company.slug),
        ),
      )
    await tx
      .insert(leads)
      .values(
        demoLeads.map(({ receivedDaysAgo, convertedTo, ...lead }) => {
          return {
            ...lead,
            source: 'contact_form',
            createdAt: daysFrom(now, -receivedDaysAgo),
            companyId: convertedTo ? (clients.find((c) => c.slug === convertedTo.slug)?.id ?? null) : null,
            convertedAt: convertedTo ? daysFrom(now, -convertedTo.daysAgo) : null,
          }
        }),
      )
      .onConflictDoNothing()
    return companyIds.length > 0 ? { seeded: true, companyIds } : skipped
  })
}

async function seedProjects(tx: Database, companyId: string, list: readonly DemoProject[], now: Date) {
  for (const p of list) {
    const [project] = await tx
      .insert(projects)
      .values({
        companyId,
        name: p.name,
        status: p.status,
        description: p.description,
        startedAt: p.startedDaysAgo === null ? null : daysFrom(now, -p.startedDaysAgo),
        dueAt: daysFrom(now, p.dueInDays),
      })
      .returning({ id: projects.id })
    if (!project) throw new Error('seedApp: inserting a project returned no row')
    await tx.insert(projectMilestones).values(
      p.milestones.map((m, position) => ({
        projectId: project.id,
        title: m.title,
        position,
        dueAt: daysFrom(now, m.dueInDays),
        doneAt: m.done ? daysFrom(now, m.dueInDays - 1) : null,
      })),
    )
    for (const d of p.deliverables as readonly DemoDeliverable[]) {
      const deliveredAt = daysFrom(now, -d.deliveredDaysAgo)
      const [deliverable] = await tx
        .insert(projectDeliverables)
        .values({ projectId: project.id, title: d.title, createdAt: deliveredAt })
        .returning({ id: projectDeliverables.id })
      if (!deliverable) throw new Error('seedApp: inserting a deliverable returned no row')
      // The size and checksum of the file demoDeliverableFiles() puts into R2, so the page and the
      // download agree.
      const bytes = new TextEncoder().encode(d.body)
      await tx.insert(deliverableVersions).values({
        deliverableId: deliverable.id,
        number: 1,
        fileName: d.key.split('/').pop() ?? d.title,
        objectKey: d.key,
        contentType: d.contentType,
        bytes: bytes.byteLength,
        sha256: await sha256Hex(bytes),
        uploadedAt: deliveredAt,
        ...(d.approvedAfterDays === undefined
          ? {}
          : {
              reviewState: 'approved' as const,
              reviewedAt: new Date(deliveredAt.getTime() + d.approvedAfterDays * 24 * HOUR),
            }),
      })
    }
  }
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function seedAutomations(
  tx: Database,
  companyId: string,
  list: readonly DemoAutomation[],
  now: Date,
  people: { ownerId: string | null; clientId: string | null },
) {
  for (const a of list) {
    const [automation] = await tx
      .insert(automations)
      .values({
        companyId,
        ownerId: people.ownerId,
        title: a.title,
        description: a.description,
        status: a.status,
        flow: a.flow,
      })
      .returning({ id: automations.id })
    if (!automation) throw new Error('seedApp: inserting an automation returned no row')
    if (a.runs.length > 0) {
      await tx.insert(automationRuns).values(
        a.runs.map((r) => {
          const startedAt = new Date(now.getTime() - r.hoursAgo * HOUR)
          return {
            automationId: automation.id,
            startedAt,
            finishedAt: new Date(startedAt.getTime() + r.durationMs),
            outcome: r.outcome,
            durationMs: r.durationMs,
            message: r.message,
          }
        }),
      )
    }
    if (a.pausedBy) {
      // The same entry the dashboard writes when a client pauses an automation.
      await tx.insert(auditLog).values({
        at: daysFrom(now, -a.pausedBy.daysAgo),
        actorId: people.clientId,
        action: 'automation.paused',
        companyId,
        targetType: 'automation',
        targetId: automation.id,
        details: { from: 'active', to: 'paused', title: a.title },
      })
    }
  }
}
