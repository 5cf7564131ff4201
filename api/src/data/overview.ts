import type { AutomationRunOutcome, Database } from '@kairo/db'
import { sql } from 'drizzle-orm'
import { type ActivityEntry, type ActivityEntryJson, toActivityEntry } from './activity.ts'
import type { AutomationSummary } from './automations.ts'
import { jsonDate } from './dates.ts'
import type { ProjectSummary } from './projects.ts'
import type { Scope } from './scope.ts'

// The dashboard's overview in ONE statement: the projects, the automations and the recent activity,
// as one json value, so the page costs one database round trip (plus the session's). The statement
// is the database function `app.dashboard_overview` (drizzle/migrations/0012_dashboard_overview.sql):
// as a PL/pgSQL function its plan is kept by the backend across requests, where an inline statement
// of the Worker (a new client per request, unnamed statements) was planned anew every time, which
// cost twice its run. The function applies the scope once, as the set of companies in scope. Recent
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

interface OverviewRow {
  projects: ProjectJson[]
  automations: AutomationJson[]
  activity: ActivityJson[]
}

/** The overview of everything in `scope`, in one round trip. */
export async function getOverview(db: Database, scope: Scope): Promise<Overview> {
  const scopeCompany = scope.kind === 'all' ? null : scope.companyId
  const rows = await db.execute<{ overview: OverviewRow }>(sql`
    select app.dashboard_overview(${scopeCompany}::uuid, ${OVERVIEW_LIMIT}::int, ${ACTIVITY_LIMIT}::int) as overview`)
  const row = rows[0]?.overview
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
