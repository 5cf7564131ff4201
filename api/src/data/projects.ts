import {
  companies,
  type Database,
  deliverableVersions,
  type ProjectStatus,
  projectDeliverables,
  projectMilestones,
  projects,
  type ReviewState,
} from '@kairo/db'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { type ActivityEntry, projectActivityJson, toActivityEntry } from './activity.ts'
import { jsonDate } from './dates.ts'
import { deliverableOfProject } from './deliverables.ts'
import { isUuid } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// Projects, their milestones and deliverables, always read through a Scope: a project of another
// company matches no row, so every caller answers "not found". Each function is one statement.

/** The next open milestone of a project (lowest position not done). */
export interface NextMilestone {
  title: string
  dueAt: Date | null
}

/** A project as lists and the overview show it. */
export interface ProjectSummary {
  id: string
  name: string
  status: ProjectStatus
  companyName: string
  dueAt: Date | null
  milestonesDone: number
  milestonesTotal: number
  nextMilestone: NextMilestone | null
}

export interface MilestoneView {
  id: string
  title: string
  dueAt: Date | null
  doneAt: Date | null
}

/** A deliverable as the project page lists it: its title and its current (newest) version. */
export interface DeliverableView {
  id: string
  title: string
  /** The current version's number (1 for the first upload). */
  version: number
  contentType: string
  bytes: number
  /** When the current version was uploaded. */
  deliveredAt: Date
  /** The current version's review: what waits for whom. */
  reviewState: ReviewState
}

/** A project with its milestones (in order) and deliverables (newest first). */
export interface ProjectDetail extends ProjectSummary {
  companyId: string
  description: string
  startedAt: Date | null
  milestones: MilestoneView[]
  deliverables: DeliverableView[]
  /** The project's last events that the reader may see, newest first. */
  activity: ActivityEntry[]
}

/** Where a deliverable's current bytes are, for the download route. */
export interface DeliverableObject {
  id: string
  title: string
  version: number
  fileName: string
  objectKey: string
  contentType: string
  bytes: number
  /** Hex SHA-256 of the bytes; null for files from before versions were kept. */
  sha256: string | null
}

type NextMilestoneJson = { title: string; dueAt: string | null } | null

// Subqueries correlated with the outer `projects` row; one statement still, Postgres runs them per row.
// The outer id is spelled out in full: Drizzle writes a bare column in a select field as just `"id"`
// when the query has no join, which inside a subquery would mean the subquery's own row.
const outerProjectId = sql`${projects}.${sql.identifier('id')}`
const milestonesTotal = sql<number>`(
  select count(*) from ${projectMilestones} m where m.project_id = ${outerProjectId}
)`.mapWith(Number)
const milestonesDone = sql<number>`(
  select count(*) from ${projectMilestones} m where m.project_id = ${outerProjectId} and m.done_at is not null
)`.mapWith(Number)
const nextMilestone = sql<NextMilestoneJson>`(
  select json_build_object('title', m.title, 'dueAt', m.due_at) from ${projectMilestones} m
  where m.project_id = ${outerProjectId} and m.done_at is null
  order by m.position, m.due_at nulls last, m.id limit 1
)`

const summaryColumns = {
  id: projects.id,
  name: projects.name,
  status: projects.status,
  companyName: companies.name,
  dueAt: projects.dueAt,
  milestonesDone,
  milestonesTotal,
  nextMilestone,
}

function toSummary<T extends { nextMilestone: NextMilestoneJson }>(row: T) {
  const next = row.nextMilestone
  return { ...row, nextMilestone: next ? { title: next.title, dueAt: jsonDate(next.dueAt) } : null }
}

/** The projects in scope: unfinished first, then by due date. */
export async function listProjects(db: Database, scope: Scope): Promise<ProjectSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(companies, eq(companies.id, projects.companyId))
    .where(inScope(scope, projects.companyId))
    .orderBy(sql`${projects.status} = 'done'`, sql`${projects.dueAt} asc nulls last`, asc(projects.name))
  return rows.map(toSummary)
}

/**
 * One project with milestones, deliverables and its recent activity, in one statement; null when
 * absent or not in scope.
 */
export async function getProject(db: Database, scope: Scope, id: string): Promise<ProjectDetail | null> {
  if (!isUuid(id)) return null
  const milestones = sql<Array<{ id: string; title: string; dueAt: string | null; doneAt: string | null }>>`
    coalesce((
      select json_agg(json_build_object('id', m.id, 'title', m.title, 'dueAt', m.due_at, 'doneAt', m.done_at)
        order by m.position, m.due_at nulls last, m.id)
      from ${projectMilestones} m where m.project_id = ${outerProjectId}
    ), '[]'::json)`
  // Each deliverable with its newest version (a lateral join on the (deliverable, number) key).
  const deliverables = sql<
    Array<{
      id: string
      title: string
      version: number
      contentType: string
      bytes: number
      deliveredAt: string
      reviewState: ReviewState
    }>
  >`
    coalesce((
      select json_agg(json_build_object('id', d.id, 'title', d.title, 'version', v.number,
        'contentType', v.content_type, 'bytes', v.bytes, 'deliveredAt', v.uploaded_at,
        'reviewState', v.review_state)
        order by v.uploaded_at desc, d.title)
      from ${projectDeliverables} d
      join lateral (
        select * from ${deliverableVersions} dv where dv.deliverable_id = d.id order by dv.number desc limit 1
      ) v on true
      where d.project_id = ${outerProjectId}
    ), '[]'::json)`
  const [row] = await db
    .select({
      ...summaryColumns,
      companyId: projects.companyId,
      description: projects.description,
      startedAt: projects.startedAt,
      milestones,
      deliverables,
      activity: projectActivityJson(scope, outerProjectId),
    })
    .from(projects)
    .innerJoin(companies, eq(companies.id, projects.companyId))
    .where(and(eq(projects.id, id), inScope(scope, projects.companyId)))
  if (!row) return null
  return {
    ...toSummary(row),
    milestones: row.milestones.map((m) => ({ ...m, dueAt: jsonDate(m.dueAt), doneAt: jsonDate(m.doneAt) })),
    deliverables: row.deliverables.map((d) => ({ ...d, deliveredAt: new Date(d.deliveredAt) })),
    activity: row.activity.map(toActivityEntry),
  }
}

/**
 * The current version of a deliverable of a project in scope (both ids must match, so a deliverable
 * id cannot be fetched through another project's URL); null otherwise.
 */
export async function getDeliverable(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
): Promise<DeliverableObject | null> {
  if (!isUuid(projectId) || !isUuid(deliverableId)) return null
  const [row] = await db
    .select({
      id: projectDeliverables.id,
      title: projectDeliverables.title,
      version: deliverableVersions.number,
      fileName: deliverableVersions.fileName,
      objectKey: deliverableVersions.objectKey,
      contentType: deliverableVersions.contentType,
      bytes: deliverableVersions.bytes,
      sha256: deliverableVersions.sha256,
    })
    .from(projectDeliverables)
    .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
    .innerJoin(deliverableVersions, eq(deliverableVersions.deliverableId, projectDeliverables.id))
    .where(deliverableOfProject(scope, projectId, deliverableId))
    .orderBy(desc(deliverableVersions.number))
    .limit(1)
  return row ?? null
}
