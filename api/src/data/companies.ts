import {
  type AutomationStatus,
  automations,
  companies,
  type Database,
  type ProjectStatus,
  projects,
  type UserRole,
  users,
} from '@kairo/db'
import { and, asc, eq, sql } from 'drizzle-orm'
import { type AuditWriter, isUuid, outerColumn } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// Client companies. Every query is kept inside the caller's scope (`inScope` on the company id), so
// a client asking for another company's id finds no row; only the `all` scope may create one.

/** One row of the companies list, with what belongs to it. */
export interface CompanySummary {
  id: string
  name: string
  slug: string
  createdAt: Date
  userCount: number
  projectCount: number
  automationCount: number
}

/** A company's own fields. */
export interface CompanyRecord {
  id: string
  name: string
  slug: string
  website: string | null
  createdAt: Date
}

/** A company with its users, projects and automations. */
export interface CompanyDetail extends CompanyRecord {
  users: Array<{ id: string; name: string; email: string; role: UserRole; disabled: boolean }>
  projects: Array<{ id: string; name: string; status: ProjectStatus; dueAt: Date | null }>
  automations: Array<{ id: string; title: string; status: AutomationStatus }>
}

// Correlated counts: each is an index lookup (`*_company_id_idx`), and all three ride in the one
// statement that lists the companies.
const companyId = outerColumn('companies', 'id')
const countOf = (table: typeof users | typeof projects | typeof automations) =>
  sql<number>`(select count(*) from ${table} t where t.company_id = ${companyId})`.mapWith(Number)

/** Companies by name with their user, project and automation counts, in one statement. */
export async function listCompanies(db: Database, scope: Scope): Promise<CompanySummary[]> {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      slug: companies.slug,
      createdAt: companies.createdAt,
      userCount: countOf(users),
      projectCount: countOf(projects),
      automationCount: countOf(automations),
    })
    .from(companies)
    .where(inScope(scope, companies.id))
    .orderBy(asc(companies.name), asc(companies.id))
}

/**
 * One company with its users, projects and automations, aggregated as JSON in one statement; null if
 * not found.
 */
export async function getCompany(db: Database, scope: Scope, id: string): Promise<CompanyDetail | null> {
  if (!isUuid(id)) return null
  const companyUsers = sql<CompanyDetail['users']>`coalesce((
      select json_agg(json_build_object(
        'id', u.id, 'name', u.name, 'email', u.email, 'role', u.role, 'disabled', u.disabled_at is not null
      ) order by u.name, u.id)
      from ${users} u where u.company_id = ${companyId}
    ), '[]'::json)`
  const companyProjects = sql<
    Array<{ id: string; name: string; status: ProjectStatus; dueAt: string | null }>
  >`
    coalesce((
      select json_agg(json_build_object('id', p.id, 'name', p.name, 'status', p.status, 'dueAt', p.due_at)
        order by p.created_at desc, p.id)
      from ${projects} p where p.company_id = ${companyId}
    ), '[]'::json)`
  // Live ones first, as the automations list orders them.
  const companyAutomations = sql<CompanyDetail['automations']>`coalesce((
      select json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status)
        order by array_position(array['active', 'paused', 'draft']::text[], a.status::text), a.title, a.id)
      from ${automations} a where a.company_id = ${companyId}
    ), '[]'::json)`
  const [row] = await db
    .select({
      id: companies.id,
      name: companies.name,
      slug: companies.slug,
      website: companies.website,
      createdAt: companies.createdAt,
      users: companyUsers,
      projects: companyProjects,
      automations: companyAutomations,
    })
    .from(companies)
    .where(and(eq(companies.id, id), inScope(scope, companies.id)))
  if (!row) return null
  return {
    ...row,
    projects: row.projects.map((p) => ({ ...p, dueAt: p.dueAt ? new Date(p.dueAt) : null })),
  }
}

const recordColumns = {
  id: companies.id,
  name: companies.name,
  slug: companies.slug,
  website: companies.website,
  createdAt: companies.createdAt,
}

/** A company's own fields (the edit form, the new-project form); null if not found. */
export async function findCompany(db: Database, scope: Scope, id: string): Promise<CompanyRecord | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select(recordColumns)
    .from(companies)
    .where(and(eq(companies.id, id), inScope(scope, companies.id)))
  return row ?? null
}

/** Validated input of {@link createCompany}. */
export interface NewCompanyInput {
  name: string
  slug: string
  website?: string | null
}

/** What {@link createCompany} did: the new company, or one message per field at fault. */
export type CreateCompanyResult =
  | { ok: true; company: CompanyRecord }
  | { ok: false; fields: Record<string, string> }

/**
 * Creates a company and writes `company.created` in one transaction. A taken slug is a field error,
 * decided by the unique index itself (`on conflict do nothing`), so two concurrent creations of one
 * slug cannot both succeed.
 */
export async function createCompany(
  db: Database,
  scope: Scope,
  input: NewCompanyInput,
  audit: AuditWriter,
): Promise<CreateCompanyResult> {
  if (scope.kind !== 'all') throw new Error('companies: only studio staff create companies')
  return db.transaction(async (tx) => {
    const [company] = await tx
      .insert(companies)
      .values({ name: input.name, slug: input.slug, website: input.website ?? null })
      .onConflictDoNothing({ target: companies.slug })
      .returning(recordColumns)
    if (!company) {
      return {
        ok: false as const,
        fields: { slug: 'Another company already uses this slug; choose another' },
      }
    }
    await audit(
      {
        action: 'company.created',
        companyId: company.id,
        targetType: 'company',
        targetId: company.id,
        details: { slug: company.slug },
      },
      tx,
    )
    return { ok: true as const, company }
  })
}

/** Validated input of {@link updateCompany}: the fields to change (absent ones stay). */
export interface CompanyChanges {
  name?: string
  website?: string | null
}

/** What {@link updateCompany} did. */
export type UpdateCompanyResult =
  | { ok: true; company: CompanyRecord; changed: string[] }
  | { ok: false; reason: 'not_found' }

/**
 * Changes a company's name and website and writes `company.updated` (the names of the fields that
 * changed) in the same transaction. Values equal to the stored ones change and record nothing.
 */
export async function updateCompany(
  db: Database,
  scope: Scope,
  id: string,
  changes: CompanyChanges,
  audit: AuditWriter,
): Promise<UpdateCompanyResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx) => {
    // Locked, so two concurrent edits each record what they really changed.
    const [current] = await tx.select(recordColumns).from(companies).where(eq(companies.id, id)).for('update')
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const next = {
      name: changes.name ?? current.name,
      website: changes.website === undefined ? current.website : changes.website,
    }
    const changed = (['name', 'website'] as const).filter((field) => next[field] !== current[field])
    if (changed.length === 0) return { ok: true as const, company: current, changed }
    await tx.update(companies).set(next).where(eq(companies.id, id))
    await audit(
      {
        action: 'company.updated',
        companyId: id,
        targetType: 'company',
        targetId: id,
        details: { fields: changed.join(',') },
      },
      tx,
    )
    return { ok: true as const, company: { ...current, ...next }, changed: [...changed] }
  })
}

/** Companies by name for a picker (the invitation form), in the caller's scope. */
export async function companyChoices(
  db: Database,
  scope: Scope,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(inScope(scope, companies.id))
    .orderBy(asc(companies.name), asc(companies.id))
}
