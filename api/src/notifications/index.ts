import {
  automations,
  type Database,
  notificationPreferences,
  notifications,
  outbox,
  projects,
  users,
} from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import type { NotificationKind } from './kinds.ts'

// Notifications: what the other features call, inside the transaction of their own write, to tell
// the people concerned. One statement inserts every recipient's notification row and, for those who
// want an e-mail each time, an outbox row; a rollback of the caller's transaction takes both with it,
// so nothing is ever announced that did not happen. Digests (./digest.ts) pick up the rest.

export * from './kinds.ts'

/** What every event carries. */
interface EventBase {
  /** The company the event belongs to (its client users are the audience of studio steps). */
  companyId: string
  /** Who did it; never notified of their own step. Null for the system (an automation run). */
  actorId: string | null
  /**
   * The dashboard page it is about, as a path (`/dashboard/projects/<id>#version-2`): the list links
   * to it and the e-mail to `origin` + it. Must start with `/dashboard/`.
   */
  link: string
  /** The origin for e-mailed links: `publicOrigin(c)` (lib/negotiate.ts) in a request. */
  origin: string
}

/** Something that happened to a version of a deliverable. */
export interface VersionEvent extends EventBase {
  /**
   * `version_uploaded`: the studio uploaded a version (tells the company's client users).
   * `version_approved`, `changes_requested`: a client decided (tells the studio's staff).
   */
  kind: 'version_uploaded' | 'version_approved' | 'changes_requested'
  projectId: string
  deliverableTitle: string
  versionNumber: number
  /** The decision's comment, if any; cut to 280 characters. */
  excerpt?: string | null
}

/**
 * A comment on a version. Who hears of it follows from the actor's role: a client's comment tells
 * the studio's staff; a studio reply tells the company's client users, unless it is `internal`, which
 * tells nobody (the studio reads its own notes on the page).
 */
export interface CommentEvent extends EventBase {
  kind: 'comment_added'
  projectId: string
  deliverableTitle: string
  versionNumber: number
  internal: boolean
  excerpt: string
}

/** A failed automation run: tells the company's client users and the automation's owner. */
export interface AutomationFailedEvent extends EventBase {
  kind: 'automation_failed'
  automationId: string
  automationTitle: string
  /** The run's message (why it failed), if any. */
  excerpt?: string | null
}

export type NotificationEvent = VersionEvent | CommentEvent | AutomationFailedEvent

/** How many people were told, and how many of them get an e-mail now (the rest: digest or dashboard). */
export interface NotifyResult {
  notified: number
  emailed: number
}

/** The outbox kind of a notification's e-mail (`notification.version_uploaded`…); see mail/templates.ts. */
export const notificationOutboxKind = (kind: NotificationKind | 'digest') => `notification.${kind}`

const EXCERPT_LENGTH = 280

/**
 * Tells the people concerned about `event`: a notification row per recipient (listed in the
 * dashboard, counted in its nav) and, for each recipient whose preference for the kind is
 * `immediate` (or who has none), an `app.outbox` row whose e-mail links to the page and carries a
 * one-click unsubscribe; those rows are marked `emailed_at` at once. `digest` recipients are
 * e-mailed by the daily digest; `off` ones never. Disabled accounts and the actor are left out.
 *
 * Call it with the transaction of the write it announces (`tx`), after that write: one statement,
 * whatever the number of recipients. Throws on a link that is not a dashboard path (a programmer
 * error).
 */
export async function notify(tx: Database, event: NotificationEvent): Promise<NotifyResult> {
  if (!event.link.startsWith('/dashboard/') && event.link !== '/dashboard') {
    throw new Error(`notify: the link must be a dashboard path, not ${JSON.stringify(event.link)}`)
  }
  // An internal note never reaches a client, and the studio reads its own notes on the page.
  if (event.kind === 'comment_added' && event.internal) return { notified: 0, emailed: 0 }
  const audience = audienceOf(event)
  const excerpt = event.excerpt ? cut(event.excerpt) : null
  const title = titleOf(event)
  const [row] = await tx.execute<{ notified: number; emailed: number }>(sql`
    with recipients as (
      select u.id, u.email, u.name, coalesce(p.delivery, 'immediate') as delivery
      from ${users} u
      left join ${notificationPreferences} p on p.user_id = u.id and p.kind = ${event.kind}
      where u.disabled_at is null
        and u.id is distinct from ${event.actorId}::uuid
        and (${audience})
    ),
    inserted as (
      insert into ${notifications} (user_id, kind, company_id, title, link, emailed_at)
      select r.id, ${event.kind}, ${event.companyId}, ${title}, ${event.link},
             case when r.delivery = 'immediate' then now() end
      from recipients r
      returning user_id, emailed_at, title
    ),
    mailed as (
      insert into ${outbox} (kind, payload)
      select ${notificationOutboxKind(event.kind)}, jsonb_build_object(
        'to', r.email, 'name', r.name, 'userId', r.id, 'kind', ${event.kind}::text,
        'title', i.title, 'url', ${event.origin}::text || ${event.link}::text, 'origin', ${event.origin}::text,
        'excerpt', ${excerpt}::text, 'subject', ${subjectOf(event)}::text)
      from inserted i join recipients r on r.id = i.user_id
      where i.emailed_at is not null
      returning 1
    )
    select (select count(*) from inserted)::int as notified, (select count(*) from mailed)::int as emailed
  `)
  return { notified: Number(row?.notified ?? 0), emailed: Number(row?.emailed ?? 0) }
}

const staff = sql`u.role in ('admin', 'team')`

/** The recipients' condition on `u` (users), before the actor and disabled accounts are removed. */
function audienceOf(event: NotificationEvent): SQL {
  const clients = sql`(u.role = 'client' and u.company_id = ${event.companyId})`
  switch (event.kind) {
    case 'version_uploaded':
      return clients
    case 'version_approved':
    case 'changes_requested':
      return staff
    case 'comment_added': {
      const byClient = sql`exists (select 1 from ${users} a where a.id = ${event.actorId}::uuid and a.role = 'client')`
      return event.internal ? sql`false` : sql`(case when ${byClient} then ${staff} else ${clients} end)`
    }
    case 'automation_failed':
      return sql`(${clients} or u.id = (select owner_id from ${automations} where id = ${event.automationId} and company_id = ${event.companyId}))`
  }
}

/** The actor's name, resolved in the statement ("Someone" for a deleted or missing account). */
function actorName(event: NotificationEvent): SQL {
  return sql`coalesce((select name from ${users} where id = ${event.actorId}::uuid), 'Someone')`
}

/** The project's name, resolved in the statement. */
function projectName(projectId: string): SQL {
  return sql`coalesce((select name from ${projects} where id = ${projectId}), 'a project')`
}

/** The one line the list shows, e.g. "Ada Lovelace approved version 2 of Brand book (Vela launch)". */
function titleOf(event: NotificationEvent): SQL {
  if (event.kind === 'automation_failed')
    return sql`${`The automation ${event.automationTitle} failed`}::text`
  const what = `version ${event.versionNumber} of ${event.deliverableTitle}`
  const project = sql`' (' || ${projectName(event.projectId)} || ')'`
  switch (event.kind) {
    case 'version_uploaded':
      return sql`${actorName(event)} || ${` uploaded ${what}`}::text || ${project}`
    case 'version_approved':
      return sql`${actorName(event)} || ${` approved ${what}`}::text || ${project}`
    case 'changes_requested':
      return sql`${actorName(event)} || ${` requested changes to ${what}`}::text || ${project}`
    case 'comment_added':
      return sql`${actorName(event)} || ${` commented on ${what}`}::text || ${project}`
  }
}

/** The e-mail's subject: short, and naming the thing, not the person. */
function subjectOf(event: NotificationEvent): string {
  switch (event.kind) {
    case 'version_uploaded':
      return `New version of ${event.deliverableTitle} to review`
    case 'version_approved':
      return `Version ${event.versionNumber} of ${event.deliverableTitle} approved`
    case 'changes_requested':
      return `Changes requested on ${event.deliverableTitle}`
    case 'comment_added':
      return `New comment on ${event.deliverableTitle}`
    case 'automation_failed':
      return `Automation failed: ${event.automationTitle}`
  }
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`
}
