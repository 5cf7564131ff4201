import { companies, type Database, type ProjectStatus, projects } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { type AuditWriter, isUuid } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// The studio's writes to projects: creating one for a company and editing it. Staff only (the `all`
// scope); each write and its audit entry share one transaction. The `data_version` trigger on
// `projects` keeps the dashboard's read cache honest, so nothing here touches the cache.

/** A project's own fields, as the writes return them. */
export interface ProjectRecord {
  id: string
  companyId: string
  name: string
  status: ProjectStatus
  description: string
  startedAt: Date | null
  dueAt: Date | null
  createdAt: Date
}

/** A project's editable fields; dates are days (`2031-05-01`), null for none. */
export interface ProjectFields {
  name: string
  status: ProjectStatus
  description: string
  startedAt: string | null
  dueAt: string | null
}

/** One message per field at fault, or the reason nothing was found. */
export type ProjectWriteResult =
  | { ok: true; project: ProjectRecord; changed: string[] }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; fields: Record<string, string> }

const recordColumns = {
  id: projects.id,
  companyId: projects.companyId,
  name: projects.name,
  status: projects.status,
  description: projects.description,
  startedAt: projects.startedAt,
  dueAt: projects.dueAt,
  createdAt: projects.createdAt,
}

/** A day (`2031-05-01`) as midnight UTC; null stays null. */
export function dayToDate(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00.000Z`) : null
}

/** The due date may not come before the start; a message for `dueAt` when it does. */
export function dateOrderError(startedAt: Date | null, dueAt: Date | null): Record<string, string> | null {
  if (startedAt && dueAt && dueAt < startedAt)
    return { dueAt: 'Choose a due date on or after the start date' }
  return null
}

/**
 * Creates a project for a company in scope and writes `project.created` in one transaction; 'not_found'
 * when the company does not exist (or is out of scope).
 */
export async function createProject(
  db: Database,
  scope: Scope,
  companyId: string,
  input: ProjectFields,
  audit: AuditWriter,
): Promise<ProjectWriteResult> {
  if (scope.kind !== 'all' || !isUuid(companyId)) return { ok: false, reason: 'not_found' }
  const startedAt = dayToDate(input.startedAt)
  const dueAt = dayToDate(input.dueAt)
  const invalid = dateOrderError(startedAt, dueAt)
  if (invalid) return { ok: false, reason: 'invalid', fields: invalid }
  return db.transaction(async (tx) => {
    // Key-share lock: the company cannot be deleted under the new project.
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.id, companyId), inScope(scope, companies.id)))
      .for('key share')
    if (!company) return { ok: false as const, reason: 'not_found' as const }
    const [project] = await tx
      .insert(projects)
      .values({
        companyId,
        name: input.name,
        status: input.status,
        description: input.description,
        startedAt,
        dueAt,
      })
      .returning(recordColumns)
    if (!project) throw new Error('projects: the insert returned no row')
    await audit(
      {
        action: 'project.created',
        companyId,
        targetType: 'project',
        targetId: project.id,
        details: { name: project.name, status: project.status },
      },
      tx,
    )
    return { ok: true as const, project, changed: [] }
  })
}

const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null)

/**
 * Changes the given fields of a project and writes `project.updated` (which fields; the status's
 * from and to when it moved) in one transaction. Unchanged values record nothing; a due date before
 * the start date (after the change) is a field error.
 */
export async function updateProject(
  db: Database,
  scope: Scope,
  id: string,
  changes: Partial<ProjectFields>,
  audit: AuditWriter,
): Promise<ProjectWriteResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return { ok: false, reason: 'not_found' }
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(recordColumns)
      .from(projects)
      .where(and(eq(projects.id, id), inScope(scope, projects.companyId)))
      .for('update')
    if (!current) return { ok: false as const, reason: 'not_found' as const }
    const next = {
      name: changes.name ?? current.name,
      status: changes.status ?? current.status,
      description: changes.description ?? current.description,
      startedAt: changes.startedAt === undefined ? current.startedAt : dayToDate(changes.startedAt),
      dueAt: changes.dueAt === undefined ? current.dueAt : dayToDate(changes.dueAt),
    }
    const invalid = dateOrderError(next.startedAt, next.dueAt)
    if (invalid) return { ok: false as const, reason: 'invalid' as const, fields: invalid }
    const changed = (['name', 'status', 'description', 'startedAt', 'dueAt'] as const).filter((field) =>
      field === 'startedAt' || field === 'dueAt'
        ? !sameDate(next[field], current[field])
        : next[field] !== current[field],
    )
    if (changed.length === 0) return { ok: true as const, project: current, changed: [] }
    await tx.update(projects).set(next).where(eq(projects.id, id))
    const statusMoved = next.status !== current.status
    await audit(
      {
        action: 'project.updated',
        companyId: current.companyId,
        targetType: 'project',
        targetId: id,
        details: {
          fields: changed.join(','),
          ...(statusMoved ? { from: current.status, to: next.status } : {}),
        },
      },
      tx,
    )
    return { ok: true as const, project: { ...current, ...next }, changed: [...changed] }
  })
}
