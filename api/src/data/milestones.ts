import { type Database, projectMilestones, projects } from '@kairo/db'
import { and, asc, eq, sql } from 'drizzle-orm'
import { dayToDate } from './project-edits.ts'
import { type AuditWriter, isUuid } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// The studio's writes to a project's milestones: add (at the end), move up or down, mark done or
// reopen. Staff only (the `all` scope). Each locks the project row first, so concurrent writes to one
// project's milestones queue instead of computing positions from the same stale list; each write and
// its audit entry share one transaction.

/** A milestone as the writes return it; `position` is its 0-based place in the plan. */
export interface MilestoneRecord {
  id: string
  title: string
  dueAt: Date | null
  doneAt: Date | null
  position: number
}

type NotFound = { ok: false; reason: 'not_found' }
const notFound: NotFound = { ok: false, reason: 'not_found' }

const recordColumns = {
  id: projectMilestones.id,
  title: projectMilestones.title,
  dueAt: projectMilestones.dueAt,
  doneAt: projectMilestones.doneAt,
  position: projectMilestones.position,
}

/** The plan's order, as every read shows it (ties, from older data, broken the same way each time). */
const planOrder = [
  asc(projectMilestones.position),
  sql`${projectMilestones.dueAt} asc nulls last`,
  asc(projectMilestones.id),
]

/** Locks the project (in scope) for the rest of the transaction; its company id, or null. */
async function lockProject(tx: Database, scope: Scope, projectId: string): Promise<string | null> {
  const [row] = await tx
    .select({ companyId: projects.companyId })
    .from(projects)
    .where(and(eq(projects.id, projectId), inScope(scope, projects.companyId)))
    .for('no key update')
  return row?.companyId ?? null
}

/** Adds a milestone at the end of a project's plan and writes `milestone.added`. */
export async function addMilestone(
  db: Database,
  scope: Scope,
  projectId: string,
  input: { title: string; dueAt?: string | null },
  audit: AuditWriter,
): Promise<{ ok: true; milestone: MilestoneRecord } | NotFound> {
  if (scope.kind !== 'all' || !isUuid(projectId)) return notFound
  return db.transaction(async (tx) => {
    const companyId = await lockProject(tx, scope, projectId)
    if (!companyId) return notFound
    const [milestone] = await tx
      .insert(projectMilestones)
      .values({
        projectId,
        title: input.title,
        dueAt: dayToDate(input.dueAt),
        position: sql`(select coalesce(max(m.position) + 1, 0) from ${projectMilestones} m where m.project_id = ${projectId})`,
      })
      .returning(recordColumns)
    if (!milestone) throw new Error('milestones: the insert returned no row')
    await audit(
      {
        action: 'milestone.added',
        companyId,
        targetType: 'milestone',
        targetId: milestone.id,
        details: { projectId, title: milestone.title },
      },
      tx,
    )
    return { ok: true as const, milestone }
  })
}

/** What {@link moveMilestone} did: `moved` false when it was already first (up) or last (down). */
export type MoveMilestoneResult =
  | { ok: true; moved: boolean; title: string; position: number; order: string[] }
  | NotFound

/**
 * Swaps a milestone with its neighbour above or below and writes `milestone.moved`. The whole plan is
 * renumbered 0…n-1 in one statement, so positions stay unique even where older rows shared one.
 */
export async function moveMilestone(
  db: Database,
  scope: Scope,
  projectId: string,
  milestoneId: string,
  direction: 'up' | 'down',
  audit: AuditWriter,
): Promise<MoveMilestoneResult> {
  if (scope.kind !== 'all' || !isUuid(projectId) || !isUuid(milestoneId)) return notFound
  return db.transaction(async (tx) => {
    const companyId = await lockProject(tx, scope, projectId)
    if (!companyId) return notFound
    const plan = await tx
      .select({ id: projectMilestones.id, title: projectMilestones.title })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(...planOrder)
    const from = plan.findIndex((m) => m.id === milestoneId)
    const milestone = plan[from]
    if (!milestone) return notFound
    const to = direction === 'up' ? from - 1 : from + 1
    const order = plan.map((m) => m.id)
    if (to < 0 || to >= plan.length) {
      return { ok: true as const, moved: false, title: milestone.title, position: from, order }
    }
    ;[order[from], order[to]] = [order[to] as string, milestoneId]
    const ids = sql.join(
      order.map((id) => sql`${id}`),
      sql`, `,
    )
    await tx
      .update(projectMilestones)
      .set({ position: sql`array_position(array[${ids}]::uuid[], ${projectMilestones.id}) - 1` })
      .where(eq(projectMilestones.projectId, projectId))
    await audit(
      {
        action: 'milestone.moved',
        companyId,
        targetType: 'milestone',
        targetId: milestoneId,
        details: { projectId, direction, from, to },
      },
      tx,
    )
    return { ok: true as const, moved: true, title: milestone.title, position: to, order }
  })
}

/** What {@link setMilestoneDone} did: `changed` false when it already was in that state. */
export type MilestoneStateResult = { ok: true; changed: boolean; milestone: MilestoneRecord } | NotFound

/**
 * Marks a milestone done (now) or reopens it, and writes `milestone.done` or `milestone.reopened`.
 * Marking a done milestone done again keeps its date and records nothing.
 */
export async function setMilestoneDone(
  db: Database,
  scope: Scope,
  projectId: string,
  milestoneId: string,
  done: boolean,
  audit: AuditWriter,
): Promise<MilestoneStateResult> {
  if (scope.kind !== 'all' || !isUuid(projectId) || !isUuid(milestoneId)) return notFound
  return db.transaction(async (tx) => {
    const companyId = await lockProject(tx, scope, projectId)
    if (!companyId) return notFound
    const where = and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId))
    const [current] = await tx.select(recordColumns).from(projectMilestones).where(where)
    if (!current) return notFound
    if ((current.doneAt !== null) === done) return { ok: true as const, changed: false, milestone: current }
    const [milestone] = await tx
      .update(projectMilestones)
      .set({ doneAt: done ? sql`now()` : null })
      .where(where)
      .returning(recordColumns)
    if (!milestone) throw new Error('milestones: the update returned no row')
    await audit(
      {
        action: done ? 'milestone.done' : 'milestone.reopened',
        companyId,
        targetType: 'milestone',
        targetId: milestoneId,
        details: { projectId },
      },
      tx,
    )
    return { ok: true as const, changed: true, milestone }
  })
}
