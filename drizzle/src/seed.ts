import { eq } from 'drizzle-orm'
import type { Database } from './index.ts'
import {
  automationRuns,
  automations,
  companies,
  leads,
  projectMilestones,
  projects,
  users,
} from './schema/index.ts'
import { daysFrom, demoAutomations, demoCompany, demoLeads, demoProjects, demoUsers } from './seed-data.ts'

/** Options of {@link seedApp}. The hasher is injected so this package does not depend on the API. */
export interface SeedOptions {
  hashPassword: (password: string) => Promise<string>
  /** The reference time for relative dates (default: now). */
  now?: Date
}

/** What {@link seedApp} did. */
export type SeedResult = { seeded: true; companyId: string } | { seeded: false; reason: 'already-seeded' }

/**
 * Inserts the demo data (company "Orbital Labs", its client user, the studio's admin user, projects
 * with milestones, automations with runs, leads) once.
 *
 * If the demo company already exists it changes nothing and returns `{ seeded: false }`. Everything
 * is written in one transaction, so a failure leaves no half-seeded database; two seeds racing each
 * other are settled by the unique company slug.
 */
export async function seedApp(db: Database, options: SeedOptions): Promise<SeedResult> {
  const skipped = { seeded: false, reason: 'already-seeded' } as const
  const existing = await db
    .select({ id: companies.id })
    .from(companies)
    .where(eq(companies.slug, demoCompany.slug))
  if (existing.length > 0) return skipped

  const now = options.now ?? new Date()
  // Hash before opening the transaction: argon2id is deliberately slow and would hold it open.
  const [clientHash, teamHash] = await Promise.all([
    options.hashPassword(demoUsers.client.password),
    options.hashPassword(demoUsers.team.password),
  ])

  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values(demoCompany)
      .onConflictDoNothing()
      .returning({ id: companies.id })
    if (!company) return skipped

    const { client, team } = demoUsers
    const inserted = await tx
      .insert(users)
      .values([
        {
          email: client.email,
          name: client.name,
          role: client.role,
          passwordHash: clientHash,
          companyId: company.id,
        },
        { email: team.email, name: team.name, role: team.role, passwordHash: teamHash },
      ])
      .returning({ id: users.id, email: users.email })
    const ownerId = inserted.find((u) => u.email === team.email)?.id

    for (const p of demoProjects) {
      const [project] = await tx
        .insert(projects)
        .values({
          companyId: company.id,
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
    }

    for (const a of demoAutomations) {
      const [automation] = await tx
        .insert(automations)
        .values({
          companyId: company.id,
          ownerId,
          title: a.title,
          description: a.description,
          status: a.status,
          flow: a.flow,
        })
        .returning({ id: automations.id })
      if (!automation) throw new Error('seedApp: inserting an automation returned no row')
      await tx.insert(automationRuns).values(
        a.runs.map((r) => {
          const startedAt = new Date(now.getTime() - r.hoursAgo * 3_600_000)
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

    await tx
      .insert(leads)
      .values(demoLeads.map((l) => ({ ...l, source: 'contact_form' })))
      .onConflictDoNothing()
    return { seeded: true, companyId: company.id }
  })
}
