import { activityEvents, companies, type Database, type NewActivityEvent, projects, users } from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import type { Scope } from './scope.ts'

// The company's activity feed (`app.activity_events`): what happened in its work, written by the
// step that caused it in the same transaction, and read as json inside the statements of the pages
// that show it (the overview, the project page), so the feed costs no round trip of its own. A
// client reads only the client-visible rows; the studio reads all of them.

/** Who did something, as the feed says it: the studio's people or the client's. */
export type ActorRole = 'studio' | 'client'

/** One entry of the feed, as the pages render it (`details` as the writer stored it). */
export interface ActivityEntry {
  id: string
  at: Date
  kind: string
  projectId: string | null
  projectName: string | null
  companyName: string
  actorName: string | null
  actorRole: ActorRole | null
  details: Record<string, string | number | boolean | null>
  clientVisible: boolean
}

/** An entry as the json of the statements below carries it (`at` as an ISO string). */
export type ActivityEntryJson = Omit<ActivityEntry, 'at'> & { at: string }

/** How many events the project page's "Activity" section lists. */
export const PROJECT_ACTIVITY_LIMIT = 10

/** The longest excerpt of a comment a feed entry (and a notification) carries. */
const EXCERPT_LENGTH = 140

/** Appends an event inside the caller's transaction, so the feed never tells of a step undone. */
export async function recordActivity(tx: Database, event: NewActivityEvent): Promise<void> {
  await tx.insert(activityEvents).values(event)
}

/**
 * A comment shortened for a feed line: whitespace collapsed, cut at a word near
 * {@link EXCERPT_LENGTH} characters with an ellipsis; null for an empty comment.
 */
export function excerpt(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return null
  if (flat.length <= EXCERPT_LENGTH) return flat
  const cut = flat.slice(0, EXCERPT_LENGTH)
  const space = cut.lastIndexOf(' ')
  return `${(space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** Who may read which rows: a client only the client-visible ones of its own company. */
function visibleTo(scope: Scope): SQL {
  return scope.kind === 'all' ? sql`true` : sql`e.company_id = ${scope.companyId} and e.client_visible`
}

/**
 * One event of alias `e` (with `p`, `c`, `actor` joined as in {@link eventsFrom}) as json. The
 * overview's database function writes the same object (drizzle/migrations/0012_dashboard_overview.sql;
 * `test/overview.test.ts` compares the two).
 */
const eventJson = sql`json_build_object('id', e.id, 'at', e.at, 'kind', e.kind,
  'projectId', e.project_id, 'projectName', p.name, 'companyName', c.name,
  'actorName', actor.name,
  'actorRole', case when actor.role is null then null when actor.role = 'client' then 'client' else 'studio' end,
  'details', e.details, 'clientVisible', e.client_visible)`

const eventsFrom = sql`${activityEvents} e
  join ${companies} c on c.id = e.company_id
  left join ${projects} p on p.id = e.project_id
  left join ${users} actor on actor.id = e.actor_id`

/**
 * The json array (newest first) of a project's last {@link PROJECT_ACTIVITY_LIMIT} events that
 * `scope` may read, as a subquery correlated with `projectId` (a column of the outer statement).
 */
export function projectActivityJson(scope: Scope, projectId: SQL): SQL<ActivityEntryJson[]> {
  return sql<ActivityEntryJson[]>`coalesce((
    select json_agg(x.item order by x.at desc) from (
      select e.at, ${eventJson} as item from ${eventsFrom}
      where e.project_id = ${projectId} and ${visibleTo(scope)}
      order by e.at desc limit ${PROJECT_ACTIVITY_LIMIT}
    ) x
  ), '[]'::json)`
}

/** An entry read from json, with its date. */
export function toActivityEntry(json: ActivityEntryJson): ActivityEntry {
  return { ...json, at: new Date(json.at) }
}
