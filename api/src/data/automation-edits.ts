import {
  type AutomationFlow,
  type AutomationStatus,
  automations,
  companies,
  type Database,
  users,
} from '@kairo/db'
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import { detailsVersion, flowVersion } from './automations.ts'
import { type AppliedChange, applyFlowChange, type FlowChange } from './flow-rules.ts'
import { type AuditWriter, isUuid } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// The studio's writes to automations: creating one for a company, editing its own fields, and
// editing its flow. Staff only (the `all` scope). Each write locks the row, checks the version the
// form (or API call) was based on, and writes the change and its audit entry in one transaction, so
// an edit made on a page opened before someone else's is refused instead of undoing theirs. The
// `data_version` trigger on automations keeps the dashboard's read cache honest.

/** An automation's own fields as the writes return them, with both versions. */
export interface AutomationRecord {
  id: string
  companyId: string
  title: string
  description: string
  status: AutomationStatus
  ownerId: string | null
  flow: AutomationFlow
  version: string
  flowVersion: string
  createdAt: Date
  updatedAt: Date
}

/** What the studio sets on an automation (the flow is edited on its own). */
export interface AutomationFields {
  title: string
  description: string
  status: AutomationStatus
  /** A member of the studio who looks after it; null for nobody in particular. */
  ownerId: string | null
}

/** Someone from the studio an automation can be given to. */
export interface StaffChoice {
  id: string
  name: string
}

type NotFound = { ok: false; reason: 'not_found' }
/** The version sent is not the stored one: someone changed it since the form was opened. */
type Stale = { ok: false; reason: 'stale' }
type Invalid = { ok: false; reason: 'invalid'; fields: Record<string, string> }

export type AutomationWriteResult =
  | { ok: true; automation: AutomationRecord; changed: string[] }
  | NotFound
  | Stale
  | Invalid

export type FlowWriteResult =
  | ({ ok: true; automation: AutomationRecord } & Omit<AppliedChange, 'flow'>)
  | NotFound
  | Stale
  | Invalid

const notFound: NotFound = { ok: false, reason: 'not_found' }
const stale: Stale = { ok: false, reason: 'stale' }

const recordColumns = {
  id: automations.id,
  companyId: automations.companyId,
  title: automations.title,
  description: automations.description,
  status: automations.status,
  ownerId: automations.ownerId,
  flow: automations.flow,
  version: detailsVersion,
  flowVersion,
  createdAt: automations.createdAt,
  updatedAt: automations.updatedAt,
}

const OWNER_MESSAGE = 'Choose someone from the studio, or nobody'

/**
 * The studio's enabled staff by name, as a json array for a form's choices; `keep` (the current
 * owner's id column) is listed even when disabled, so saving the form unchanged keeps them.
 */
function staffJson(keep?: SQL) {
  const kept = keep ? sql` or u.id = ${keep}` : sql``
  return sql<StaffChoice[]>`coalesce((
    select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name, u.id)
    from ${users} u
    where (u.role in ('admin', 'team') and u.disabled_at is null)${kept}
  ), '[]'::json)`
}

/** The new-automation form's data: the company and who can look after it; null when not found. */
export async function newAutomationChoices(
  db: Database,
  scope: Scope,
  companyId: string,
): Promise<{ company: { id: string; name: string }; staff: StaffChoice[] } | null> {
  if (scope.kind !== 'all' || !isUuid(companyId)) return null
  const [row] = await db
    .select({ id: companies.id, name: companies.name, staff: staffJson() })
    .from(companies)
    .where(eq(companies.id, companyId))
  if (!row) return null
  const { staff, ...company } = row
  return { company, staff }
}

/** The edit form's data: the automation, its company's name and who can look after it. */
export async function automationEditChoices(
  db: Database,
  scope: Scope,
  id: string,
): Promise<{ automation: AutomationRecord & { companyName: string }; staff: StaffChoice[] } | null> {
  if (scope.kind !== 'all' || !isUuid(id)) return null
  const [row] = await db
    .select({
      ...recordColumns,
      companyName: companies.name,
      staff: staffJson(sql`${automations}.${sql.identifier('owner_id')}`),
    })
    .from(automations)
    .innerJoin(companies, eq(companies.id, automations.companyId))
    .where(eq(automations.id, id))
  if (!row) return null
  const { staff, ...automation } = row
  return { automation, staff }
}

/** Whether `ownerId` may look after an automation: nobody, the current owner, or enabled staff. */
async function ownerAllowed(tx: Database, ownerId: string | null, current: string | null): Promise<boolean> {
  if (ownerId === null || ownerId === current) return true
  if (!isUuid(ownerId)) return false
  // Key-share lock: the account cannot be deleted or disabled under the new owner line.
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), inArray(users.role, ['admin', 'team']), isNull(users.disabledAt)))
    .for('key share')
  return row !== undefined
}

/**
 * Creates an automation for a company in scope (with an optional first flow, checked like any flow
 * edit) and writes `automation.created` in one transaction; 'not_found' when the company is not there.
 */
export async function createAutomation(
  db: Database,
  scope: Scope,
  companyId: string,
  input: AutomationFields & { flow?: AutomationFlow },
  audit: AuditWriter,
): Promise<AutomationWriteResult> {
  if (scope.kind !== 'all' || !isUuid(companyId)) return notFound
  const empty: AutomationFlow = { nodes: [], edges: [] }
  const flow = input.flow ? applyFlowChange(empty, { kind: 'replaced', flow: input.flow }) : null
  if (flow && !flow.ok) {
    return flow.reason === 'invalid' ? prefixed(flow.fields, 'flow.') : notFound
  }
  return db.transaction(async (tx): Promise<AutomationWriteResult> => {
    // Key-share lock: the company cannot be deleted under the new automation.
    const [company] = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.id, companyId), inScope(scope, companies.id)))
      .for('key share')
    if (!company) return notFound
    if (!(await ownerAllowed(tx, input.ownerId, null))) {
      return { ok: false, reason: 'invalid', fields: { ownerId: OWNER_MESSAGE } }
    }
    const [automation] = await tx
      .insert(automations)
      .values({
        companyId,
        title: input.title,
        description: input.description,
        status: input.status,
        ownerId: input.ownerId,
        flow: flow?.flow ?? empty,
      })
      .returning(recordColumns)
    if (!automation) throw new Error('automations: the insert returned no row')
    await audit(
      {
        action: 'automation.created',
        companyId,
        targetType: 'automation',
        targetId: automation.id,
        details: { title: automation.title, status: automation.status, steps: automation.flow.nodes.length },
      },
      tx,
    )
    return { ok: true, automation, changed: [] }
  })
}

/** Locks an automation (staff scope) for the rest of the transaction; its record, or undefined. */
async function lockAutomation(tx: Database, scope: Scope, id: string) {
  const [current] = await tx
    .select(recordColumns)
    .from(automations)
    .where(and(eq(automations.id, id), inScope(scope, automations.companyId)))
    .for('update')
  return current
}

const FIELDS = ['title', 'description', 'status', 'ownerId'] as const

/**
 * Changes the given fields of an automation and writes `automation.updated` (which fields; the
 * state's from and to when it moved) in one transaction. `version` (from the form, or an API call
 * that sends one) must still be the stored {@link detailsVersion}, else nothing changes ('stale').
 * Unchanged values record nothing.
 */
export async function updateAutomation(
  db: Database,
  scope: Scope,
  id: string,
  changes: Partial<AutomationFields>,
  version: string | undefined,
  audit: AuditWriter,
): Promise<AutomationWriteResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx): Promise<AutomationWriteResult> => {
    const current = await lockAutomation(tx, scope, id)
    if (!current) return notFound
    if (version !== undefined && version !== current.version) return stale
    const next: AutomationFields = {
      title: changes.title ?? current.title,
      description: changes.description ?? current.description,
      status: changes.status ?? current.status,
      ownerId: changes.ownerId === undefined ? current.ownerId : changes.ownerId,
    }
    if (!(await ownerAllowed(tx, next.ownerId, current.ownerId))) {
      return { ok: false, reason: 'invalid', fields: { ownerId: OWNER_MESSAGE } }
    }
    const changed = FIELDS.filter((field) => next[field] !== current[field])
    if (changed.length === 0) return { ok: true, automation: current, changed: [] }
    const [automation] = await tx
      .update(automations)
      .set(next)
      .where(eq(automations.id, id))
      .returning(recordColumns)
    if (!automation) throw new Error('automations: the locked row was not updated')
    const moved = next.status !== current.status
    await audit(
      {
        action: 'automation.updated',
        companyId: current.companyId,
        targetType: 'automation',
        targetId: id,
        details: {
          title: automation.title,
          fields: changed.join(','),
          ...(moved ? { from: current.status, to: next.status } : {}),
        },
      },
      tx,
    )
    return { ok: true, automation, changed: [...changed] }
  })
}

/**
 * Applies one change to an automation's flow (a step or connection added, changed or removed, or
 * the whole flow replaced) and writes `automation.flow_changed` with what changed and the counts
 * after it, in one transaction. `version` must still be the stored {@link flowVersion} ('stale'
 * otherwise); a step or connection that is not there is 'not_found'. A change that changes nothing
 * records nothing.
 */
export async function changeFlow(
  db: Database,
  scope: Scope,
  id: string,
  change: FlowChange,
  version: string | undefined,
  audit: AuditWriter,
): Promise<FlowWriteResult> {
  if (scope.kind !== 'all' || !isUuid(id)) return notFound
  return db.transaction(async (tx): Promise<FlowWriteResult> => {
    const current = await lockAutomation(tx, scope, id)
    if (!current) return notFound
    if (version !== undefined && version !== current.flowVersion) return stale
    const applied = applyFlowChange(current.flow, change)
    if (!applied.ok) return applied.reason === 'missing' ? notFound : applied
    const { ok: _ok, flow, ...what } = applied
    if (!applied.changed) return { ok: true, automation: current, ...what }
    const [automation] = await tx
      .update(automations)
      .set({ flow })
      .where(eq(automations.id, id))
      .returning(recordColumns)
    if (!automation) throw new Error('automations: the locked row was not updated')
    await audit(
      {
        action: 'automation.flow_changed',
        companyId: current.companyId,
        targetType: 'automation',
        targetId: id,
        details: {
          title: automation.title,
          change: change.kind,
          ...(what.node ? { step: what.node.id, label: what.node.label } : {}),
          ...(change.kind === 'connection_added' || change.kind === 'connection_removed'
            ? { from: change.from, to: change.to }
            : {}),
          ...(what.connectionsRemoved ? { connectionsRemoved: what.connectionsRemoved } : {}),
          steps: flow.nodes.length,
          connections: flow.edges.length,
        },
      },
      tx,
    )
    return { ok: true, automation, ...what }
  })
}

function prefixed(fields: Record<string, string>, prefix: string): Invalid {
  return {
    ok: false,
    reason: 'invalid',
    fields: Object.fromEntries(Object.entries(fields).map(([key, message]) => [`${prefix}${key}`, message])),
  }
}
