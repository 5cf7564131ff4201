import {
  type AutomationRunOutcome,
  auditLog,
  automationRuns,
  automations,
  companies,
  type Database,
  deliverableVersions,
  projectDeliverables,
  projectMilestones,
  projects,
  users,
} from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import {
  type ActivityEntry,
  type ActivityEntryJson,
  overviewActivityRows,
  toActivityEntry,
} from './activity.ts'
import type { AutomationSummary } from './automations.ts'
import { jsonDate } from './dates.ts'
import type { ProjectSummary } from './projects.ts'
import type { Scope } from './scope.ts'

// The dashboard's overview in ONE statement: the projects, the automations and the recent activity
// are three json subqueries of a single SELECT, so the page costs one database round trip (plus the
// session's). Every subquery carries the scope's condition on the owning company's id. Recent
// activity merges automation runs (each automation's latest, and every failure: an hourly job would
// otherwise bury everything else), pauses and resumes (from the audit log), completed milestones and
// delivered files, and the company's activity feed (reviews, comments: `data/activity.ts`, the
// client-visible rows only for a client); sign-ins and the team's administrative actions (the
// audit log's) stay out of it.

/** How many projects and automations the overview lists (the list pages show them all). */
export const OVERVIEW_LIMIT = 12
/** How many activity entries the overview shows. */
export const ACTIVITY_LIMIT = 12

/** One line of recent activity; `kind` says which fields are set. */
export type ActivityItem =
  | {
      kind: 'run'
      at: Date
      automationId: string
      automationTitle: string
      outcome: AutomationRunOutcome
      durationMs: number | null
      companyName: string
    }
  | {
      kind: 'state'
      at: Date
      automationId: string
      automationTitle: string
      action: 'automation.paused' | 'automation.resumed'
      actorName: string | null
      companyName: string
    }
  | {
      kind: 'milestone'
      at: Date
      projectId: string
      projectName: string
      title: string
      companyName: string
    }
  | {
      kind: 'deliverable'
      at: Date
      projectId: string
      projectName: string
      title: string
      /** The version uploaded (1 for the first file). */
      version: number
      companyName: string
    }
  | {
      kind: 'event'
      at: Date
      /** An entry of the activity feed (a decision, a comment). */
      event: ActivityEntry
      companyName: string
    }

export interface Overview {
  projects: ProjectSummary[]
  automations: Pick<AutomationSummary, 'id' | 'title' | 'status' | 'companyName' | 'lastRun'>[]
  activity: ActivityItem[]
}

/** The scope's condition on a company id column of the raw statement below (`true` for all). */
function scoped(scope: Scope, companyId: SQL): SQL {
  return scope.kind === 'all' ? sql`true` : sql`${companyId} = ${scope.companyId}`
}

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K]
}
type ProjectJson = Omit<Json<ProjectSummary>, 'nextMilestone'> & {
  nextMilestone: { title: string; dueAt: string | null } | null
}
type AutomationJson = Omit<Json<Overview['automations'][number]>, 'lastRun'> & {
  lastRun: { startedAt: string; outcome: AutomationRunOutcome; durationMs: number | null } | null
}
type ActivityJson =
  | (Omit<Exclude<ActivityItem, { kind: 'event' }>, 'at'> & { at: string })
  | { kind: 'event'; at: string; event: ActivityEntryJson; companyName: string }

interface OverviewRow extends Record<string, unknown> {
  projects: ProjectJson[]
  automations: AutomationJson[]
  activity: ActivityJson[]
}

/** The overview of everything in `scope`, in one round trip. */
export async function getOverview(db: Database, scope: Scope): Promise<Overview> {
  const rows = await db.execute<OverviewRow>(sql`
    select
      coalesce((select json_agg(x) from (
        select p.id, p.name, p.status, p.due_at as "dueAt", c.name as "companyName",
          (select count(*) from ${projectMilestones} m where m.project_id = p.id)::int as "milestonesTotal",
          (select count(*) from ${projectMilestones} m
             where m.project_id = p.id and m.done_at is not null)::int as "milestonesDone",
          (select json_build_object('title', m.title, 'dueAt', m.due_at) from ${projectMilestones} m
             where m.project_id = p.id and m.done_at is null
             order by m.position, m.due_at nulls last, m.id limit 1) as "nextMilestone"
        from ${projects} p join ${companies} c on c.id = p.company_id
        where ${scoped(scope, sql`p.company_id`)}
        order by p.status = 'done', p.due_at asc nulls last, p.name
        limit ${OVERVIEW_LIMIT}
      ) x), '[]'::json) as projects,

      coalesce((select json_agg(x) from (
        select a.id, a.title, a.status, c.name as "companyName",
          (select json_build_object('startedAt', r.started_at, 'outcome', r.outcome, 'durationMs', r.duration_ms)
             from ${automationRuns} r where r.automation_id = a.id
             order by r.started_at desc limit 1) as "lastRun"
        from ${automations} a join ${companies} c on c.id = a.company_id
        where ${scoped(scope, sql`a.company_id`)}
        order by array_position(array['active', 'paused', 'draft']::text[], a.status::text), a.title
        limit ${OVERVIEW_LIMIT}
      ) x), '[]'::json) as automations,

      coalesce((select json_agg(u.item order by u.at desc) from (
        select * from (
          (select r.started_at as at, json_build_object('kind', 'run', 'at', r.started_at,
             'automationId', a.id, 'automationTitle', a.title, 'outcome', r.outcome,
             'durationMs', r.duration_ms, 'companyName', c.name) as item
           from ${automationRuns} r join ${automations} a on a.id = r.automation_id
             join ${companies} c on c.id = a.company_id
           where ${scoped(scope, sql`a.company_id`)}
             and (r.outcome = 'failure' or r.started_at = (
               select max(latest.started_at) from ${automationRuns} latest where latest.automation_id = a.id))
           order by r.started_at desc limit ${ACTIVITY_LIMIT})
          union all
          (select l.at, json_build_object('kind', 'state', 'at', l.at, 'automationId', a.id,
             'automationTitle', a.title, 'action', l.action, 'actorName', actor.name, 'companyName', c.name)
           from ${auditLog} l join ${automations} a on a.id::text = l.target_id
             join ${companies} c on c.id = a.company_id
             left join ${users} actor on actor.id = l.actor_id
           where l.target_type = 'automation' and l.action in ('automation.paused', 'automation.resumed')
             and ${scoped(scope, sql`l.company_id`)} and ${scoped(scope, sql`a.company_id`)}
           order by l.at desc limit ${ACTIVITY_LIMIT})
          union all
          (select m.done_at, json_build_object('kind', 'milestone', 'at', m.done_at, 'projectId', p.id,
             'projectName', p.name, 'title', m.title, 'companyName', c.name)
           from ${projectMilestones} m join ${projects} p on p.id = m.project_id
             join ${companies} c on c.id = p.company_id
           where m.done_at <= now() and ${scoped(scope, sql`p.company_id`)}
           order by m.done_at desc limit ${ACTIVITY_LIMIT})
          union all
          (select v.uploaded_at, json_build_object('kind', 'deliverable', 'at', v.uploaded_at,
             'projectId', p.id, 'projectName', p.name, 'title', d.title, 'version', v.number,
             'companyName', c.name)
           from ${deliverableVersions} v join ${projectDeliverables} d on d.id = v.deliverable_id
             join ${projects} p on p.id = d.project_id
             join ${companies} c on c.id = p.company_id
           where v.uploaded_at <= now() and ${scoped(scope, sql`p.company_id`)}
           order by v.uploaded_at desc limit ${ACTIVITY_LIMIT})
          union all
          ${overviewActivityRows(scope, ACTIVITY_LIMIT)}
        ) items
        order by at desc limit ${ACTIVITY_LIMIT}
      ) u), '[]'::json) as activity
  `)
  const row = rows[0]
  if (!row) throw new Error('overview: the statement returned no row')
  return {
    projects: row.projects.map((p) => ({
      ...p,
      dueAt: jsonDate(p.dueAt),
      nextMilestone: p.nextMilestone ? { ...p.nextMilestone, dueAt: jsonDate(p.nextMilestone.dueAt) } : null,
    })),
    automations: row.automations.map((a) => ({
      ...a,
      lastRun: a.lastRun ? { ...a.lastRun, startedAt: new Date(a.lastRun.startedAt) } : null,
    })),
    activity: row.activity.map(
      (item): ActivityItem =>
        item.kind === 'event'
          ? { ...item, at: new Date(item.at), event: toActivityEntry(item.event) }
          : ({ ...item, at: new Date(item.at) } as ActivityItem),
    ),
  }
}
