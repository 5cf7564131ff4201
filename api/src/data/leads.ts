import { companies, type Database, type LeadStatus, leadNotes, leadStatus, leads, users } from '@kairo/db'
import { and, desc, eq, type SQL, sql } from 'drizzle-orm'
import {
  type AuditWriter,
  containsText,
  isUuid,
  type ListPage,
  outerColumn,
  pageNumber,
  toListPage,
} from './rows.ts'
import type { Scope } from './scope.ts'

// Leads are the studio's own data (messages from the public contact form), not a client company's:
// only the `all` scope (team, admin) sees them. A company scope gets an empty list and null, so even a
// route that forgot its role check could not show a client a lead.

/** The statuses a lead moves through, in the order the dashboard offers them. */
export const LEAD_STATUSES: readonly LeadStatus[] = leadStatus.enumValues
export const LEADS_PAGE_SIZE = 25

/** One row of the leads list. */
export interface LeadSummary {
  id: string
  name: string
  email: string
  company: string | null
  status: LeadStatus
  createdAt: Date
}

/** A note on a lead, with its author's name (null once the author's account is deleted). */
export interface LeadNoteView {
  id: string
  body: string
  createdAt: Date
  authorName: string | null
}

/** A lead with its full message and notes (newest first). */
export interface LeadDetail extends LeadSummary {
  message: string
  source: string
  /** The site page whose form sent it and the service picked; null when unknown. */
  sourcePage: string | null
  service: string | null
  /** The company it became (null until converted, or once that company is deleted). */
  companyId: string | null
  companyName: string | null
  convertedAt: Date | null
  notes: LeadNoteView[]
  /** Every company by name, for the conversion form's choice (empty once the lead is converted). */
  companyChoices: Array<{ id: string; name: string }>
}

/** Which leads a list or export shows: one status, a search (`q`), or all. */
export interface LeadFilter {
  status?: LeadStatus
  q?: string
}

/** The WHERE of a {@link LeadFilter}: the search looks in the name, e-mail, company and message. */
export function leadWhere(filter: LeadFilter): SQL | undefined {
  return and(
    filter.status ? eq(leads.status, filter.status) : undefined,
    filter.q ? containsText(filter.q, [leads.name, leads.email, leads.company, leads.message]) : undefined,
  )
}

/**
 * Leads newest first, optionally of one status and matching a search, one page at a time. One
 * statement: the total comes from `count(*) over ()`, computed before `limit`, so the page and its
 * total cost one round trip.
 */
export async function listLeads(
  db: Database,
  scope: Scope,
  options: LeadFilter & { page?: number } = {},
): Promise<ListPage<LeadSummary>> {
  const page = pageNumber(options.page)
  if (scope.kind !== 'all') return { items: [], page, pageSize: LEADS_PAGE_SIZE, total: 0 }
  const rows = await db
    .select({
      id: leads.id,
      name: leads.name,
      email: leads.email,
      company: leads.company,
      status: leads.status,
      createdAt: leads.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(leads)
    .where(leadWhere(options))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(LEADS_PAGE_SIZE)
    .offset((page - 1) * LEADS_PAGE_SIZE)
  return toListPage(rows, page, LEADS_PAGE_SIZE)
}

/** One lead with its notes (newest first, with author names) in one statement; null when not found. */
export async function getLead(db: Database, scope: Scope, id: string): Promise<LeadDetail | null> {
  if (scope.kind !== 'all' || !isUuid(id)) return null
  const notes = sql<Array<{ id: string; body: string; createdAt: string; authorName: string | null }>>`
    coalesce((
      select json_agg(json_build_object(
        'id', n.id, 'body', n.body, 'createdAt', n.created_at, 'authorName', u.name
      ) order by n.created_at desc, n.id desc)
      from ${leadNotes} n left join ${users} u on u.id = n.author_id
      where n.lead_id = ${outerColumn('leads', 'id')}
    ), '[]'::json)`
  // The conversion form's choices ride on the same statement (no second round trip for the page);
  // a converted lead has no form, so it reads none.
  const companyChoices = sql<Array<{ id: string; name: string }>>`
    case when ${outerColumn('leads', 'converted_at')} is null then coalesce((
      select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name, c.id)
      from ${companies} c
    ), '[]'::json) else '[]'::json end`
  const [row] = await db
    .select({
      id: leads.id,
      name: leads.name,
      email: leads.email,
      company: leads.company,
      status: leads.status,
      createdAt: leads.createdAt,
      message: leads.message,
      source: leads.source,
      sourcePage: leads.sourcePage,
      service: leads.service,
      companyId: leads.companyId,
      companyName: companies.name,
      convertedAt: leads.convertedAt,
      notes,
      companyChoices,
    })
    .from(leads)
    .leftJoin(companies, eq(companies.id, leads.companyId))
    .where(eq(leads.id, id))
  if (!row) return null
  return {
    ...row,
    notes: row.notes.map((note) => ({ ...note, createdAt: new Date(note.createdAt) })),
  }
}

/** What {@link setLeadStatus} did. */
export type SetLeadStatusResult =
  | { ok: true; changed: boolean; from: LeadStatus; to: LeadStatus }
  | { ok: false; reason: 'not_found' }

/**
 * Moves a lead to `status` and writes `lead.status_changed` (with from/to) in the same transaction.
 * Setting the status it already has changes and records nothing.
 */
export async function setLeadStatus(
  db: Database,
  scope: Scope,
  id: string,
  status: LeadStatus,
  audit: AuditWriter,
): Promise<SetLeadStatusResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx) => {
    // Locks the row, so two concurrent changes record a true from/to chain.
    const [current] = await tx
      .select({ status: leads.status })
      .from(leads)
      .where(eq(leads.id, id))
      .for('update')
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    if (current.status === status) return { ok: true as const, changed: false, from: status, to: status }
    await tx.update(leads).set({ status }).where(eq(leads.id, id))
    await audit(
      {
        action: 'lead.status_changed',
        targetType: 'lead',
        targetId: id,
        details: { from: current.status, to: status },
      },
      tx,
    )
    return { ok: true as const, changed: true, from: current.status, to: status }
  })
}

/** What {@link addLeadNote} did. */
export type AddLeadNoteResult = { ok: true; note: LeadNoteView } | { ok: false; reason: 'not_found' }

/**
 * Adds a note by `author` to a lead and writes `lead.note_added` in the same transaction. The audit
 * entry names the note, not its text (notes may carry personal details the log does not need).
 */
export async function addLeadNote(
  db: Database,
  scope: Scope,
  id: string,
  author: { id: string; name: string },
  body: string,
  audit: AuditWriter,
): Promise<AddLeadNoteResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx) => {
    const [lead] = await tx.select({ id: leads.id }).from(leads).where(eq(leads.id, id))
    if (!lead) return { ok: false as const, reason: 'not_found' as const }
    const [note] = await tx
      .insert(leadNotes)
      .values({ leadId: id, authorId: author.id, body })
      .returning({ id: leadNotes.id, body: leadNotes.body, createdAt: leadNotes.createdAt })
    if (!note) throw new Error('leads: the note insert returned no row')
    await audit(
      { action: 'lead.note_added', targetType: 'lead', targetId: id, details: { noteId: note.id } },
      tx,
    )
    return { ok: true as const, note: { ...note, authorName: author.name } }
  })
}
