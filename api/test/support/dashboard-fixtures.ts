import {
  automationRuns,
  automations,
  type Database,
  deliverableVersions,
  projectDeliverables,
  projectMilestones,
  projects,
} from '@kairo/db'
import { eq, sql } from 'drizzle-orm'
import type { Fixtures, TestUser } from './session.ts'

// One company's dashboard content for tests: two projects (one with milestones and deliverables),
// three automations (active, paused, draft) with runs. Names carry a label, so a page that shows
// another company's rows is caught by text. Rows go away with the company (ON DELETE CASCADE).

const DAY = 24 * 60 * 60 * 1000

export interface CompanyWork {
  label: string
  projectId: string
  otherProjectId: string
  deliverableId: string
  /** A deliverable whose object is never put into the bucket. */
  missingDeliverableId: string
  objectKey: string
  activeAutomationId: string
  pausedAutomationId: string
  draftAutomationId: string
}

export async function createCompanyWork(
  db: Database,
  companyId: string,
  label: string,
): Promise<CompanyWork> {
  const now = Date.now()
  const run = crypto.randomUUID().slice(0, 8)
  const [project, otherProject] = await db
    .insert(projects)
    .values([
      {
        companyId,
        name: `${label} launch site`,
        status: 'in_progress',
        description: `The ${label} launch site.`,
        startedAt: new Date(now - 30 * DAY),
        dueAt: new Date(now + 20 * DAY),
      },
      { companyId, name: `${label} brand refresh`, status: 'planning', dueAt: new Date(now + 60 * DAY) },
    ])
    .returning({ id: projects.id })
  if (!project || !otherProject) throw new Error('fixture: projects not created')
  await db.insert(projectMilestones).values([
    {
      projectId: project.id,
      title: `${label} moodboard approved`,
      position: 0,
      dueAt: new Date(now - 10 * DAY),
      doneAt: new Date(now - 11 * DAY),
    },
    { projectId: project.id, title: `${label} timeline review`, position: 1, dueAt: new Date(now + 5 * DAY) },
    { projectId: project.id, title: `${label} launch`, position: 2, dueAt: new Date(now + 20 * DAY) },
  ])
  const objectKey = `test/${run}/${label.toLowerCase()}-posters.pdf`
  const [deliverable, missing] = await db
    .insert(projectDeliverables)
    .values([
      { projectId: project.id, title: `${label} poster set`, createdAt: new Date(now - 3 * DAY) },
      { projectId: project.id, title: `${label} model pack`, createdAt: new Date(now - 2 * DAY) },
    ])
    .returning({ id: projectDeliverables.id })
  if (!deliverable || !missing) throw new Error('fixture: deliverables not created')
  await db.insert(deliverableVersions).values([
    {
      deliverableId: deliverable.id,
      number: 1,
      fileName: `${label.toLowerCase()}-posters.pdf`,
      objectKey,
      contentType: 'application/pdf',
      bytes: 2_400_000,
      uploadedAt: new Date(now - 3 * DAY),
    },
    {
      deliverableId: missing.id,
      number: 1,
      fileName: 'never-uploaded.glb',
      objectKey: `test/${run}/never-uploaded.glb`,
      contentType: 'model/gltf-binary',
      bytes: 12_000_000,
      uploadedAt: new Date(now - 2 * DAY),
    },
  ])
  if (!deliverable || !missing) throw new Error('fixture: deliverables not created')
  const flow = {
    nodes: [
      { id: 't', type: 'trigger' as const, label: `${label} sign-up` },
      { id: 'c', type: 'condition' as const, label: 'Company domain?' },
      { id: 'a', type: 'action' as const, label: 'Add to CRM' },
    ],
    edges: [
      { from: 't', to: 'c' },
      { from: 'c', to: 'a' },
    ],
  }
  const [active, paused, draft] = await db
    .insert(automations)
    .values([
      { companyId, title: `${label} lead routing`, status: 'active', flow },
      { companyId, title: `${label} weekly digest`, status: 'paused', flow },
      { companyId, title: `${label} draft flow`, status: 'draft', flow },
    ])
    .returning({ id: automations.id })
  if (!active || !paused || !draft) throw new Error('fixture: automations not created')
  await db.insert(automationRuns).values(
    Array.from({ length: 25 }, (_, i) => ({
      automationId: active.id,
      startedAt: new Date(now - (i + 1) * 3_600_000),
      finishedAt: new Date(now - (i + 1) * 3_600_000 + 900),
      outcome: i % 5 === 1 ? ('failure' as const) : ('success' as const),
      durationMs: 900 + i,
      message: `${label} run ${i + 1}`,
    })),
  )
  return {
    label,
    projectId: project.id,
    otherProjectId: otherProject.id,
    deliverableId: deliverable.id,
    missingDeliverableId: missing.id,
    objectKey,
    activeAutomationId: active.id,
    pausedAutomationId: paused.id,
    draftAutomationId: draft.id,
  }
}

/**
 * The dashboard tests' world: Vega's and Rigel's work, a Vega client ("Vera Client") and a team member
 * ("Tom Team"), each with a session cookie. The client must never see Rigel's rows; the team sees both.
 */
export interface TwoCompanies {
  vega: CompanyWork
  rigel: CompanyWork
  client: TestUser
  team: TestUser
  clientCookie: string
  teamCookie: string
}

export async function createTwoCompanies(fixtures: Fixtures): Promise<TwoCompanies> {
  const vegaId = await fixtures.company('Vega Corp')
  const rigelId = await fixtures.company('Rigel Corp')
  const vega = await createCompanyWork(fixtures.db, vegaId, 'Vega')
  const rigel = await createCompanyWork(fixtures.db, rigelId, 'Rigel')
  const client = await fixtures.user('client', vegaId, { name: 'Vera Client' })
  const team = await fixtures.user('team', null, { name: 'Tom Team' })
  return {
    vega,
    rigel,
    client,
    team,
    clientCookie: await fixtures.cookie(client.id),
    teamCookie: await fixtures.cookie(team.id),
  }
}

/** An automation's status as stored, to prove a refused change wrote nothing. */
export async function automationStatus(db: Database, id: string) {
  const [row] = await db
    .select({ status: automations.status })
    .from(automations)
    .where(eq(automations.id, id))
  return row?.status
}

/** Removes a user's pause/resume rate-limit windows, so the next run of a test starts with room. */
export async function clearAutomationStateLimits(db: Database, userId: string): Promise<void> {
  await db.execute(sql`delete from app.rate_limits where key like ${`automation-state:${userId}%`}`)
}
