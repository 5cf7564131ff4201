import { companies, type Database, sessions, type UserRole, userRole, users } from '@kairo/db'
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import { decodeFactors, factorsSubquery, type SecondFactorView } from '../auth/second-factor.ts'
import { invalidateUserSessions } from '../auth/session.ts'
import {
  type AuditWriter,
  containsText,
  isUuid,
  type ListPage,
  outerColumn,
  pageNumber,
  toListPage,
} from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// Dashboard accounts: client users and studio staff. Anyone in scope may read them; only an admin
// changes a role or disables an account (the routes check the role; these functions keep the rules
// that hold whoever calls them: at least one enabled admin always remains).

export const USER_ROLES: readonly UserRole[] = userRole.enumValues
export const USERS_PAGE_SIZE = 50

/** One account as the users list and page show it. */
export interface UserView {
  id: string
  name: string
  email: string
  role: UserRole
  companyId: string | null
  companyName: string | null
  createdAt: Date
  disabledAt: Date | null
}

/** A user with the count of their live sessions (what disabling would end) and their second factors. */
export interface UserDetail extends UserView {
  activeSessions: number
  secondFactor: SecondFactorView
}

const viewColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  companyId: users.companyId,
  companyName: companies.name,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
}

/**
 * Accounts, staff first (admin, team, then clients), by name, optionally those whose name or e-mail
 * contains `q`; one statement per page.
 */
export async function listUsers(
  db: Database,
  scope: Scope,
  options: { page?: number; q?: string } = {},
): Promise<ListPage<UserView>> {
  const page = pageNumber(options.page)
  const rows = await db
    .select({ ...viewColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .leftJoin(companies, eq(companies.id, users.companyId))
    .where(
      and(
        inScope(scope, users.companyId),
        options.q ? containsText(options.q, [users.name, users.email]) : undefined,
      ),
    )
    .orderBy(asc(users.role), asc(users.name), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
  return toListPage(rows, page, USERS_PAGE_SIZE)
}

/**
 * One account with its live session count and its second factors, in one statement; null when not
 * found or out of scope.
 */
export async function getUser(db: Database, scope: Scope, id: string): Promise<UserDetail | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({
      ...viewColumns,
      activeSessions: sql<number>`(
        select count(*) from ${sessions} s where s.user_id = ${outerColumn('users', 'id')} and s.expires_at > now()
      )`.mapWith(Number),
      factors: factorsSubquery(id),
    })
    .from(users)
    .leftJoin(companies, eq(companies.id, users.companyId))
    .where(and(eq(users.id, id), inScope(scope, users.companyId)))
  if (!row) return null
  const { factors, ...user } = row
  return { ...user, secondFactor: decodeFactors(factors) }
}

/** Why an account change was refused; each maps to a message for the field at fault. */
export type UserChangeError = 'not_found' | 'last_admin' | 'self_disable' | 'client_needs_company'

/** What {@link changeUserRole} and {@link setUserDisabled} did. */
export type UserChangeResult =
  | { ok: true; changed: boolean; user: UserView }
  | { ok: false; reason: UserChangeError }

/** The people's words for each refusal (shared by the HTML form and the JSON API). */
export const USER_CHANGE_MESSAGES: Record<Exclude<UserChangeError, 'not_found'>, string> = {
  last_admin: 'This is the last enabled admin account; make someone else an admin first',
  self_disable: 'You cannot disable your own account; ask another admin',
  client_needs_company: 'A client must belong to a company, and this account has none; invite them instead',
}

/**
 * Serialises every change that could remove an admin: without it, two admins demoting each other at
 * the same moment would each still see the other and both succeed, leaving none. The lock is held to
 * the end of the transaction.
 */
async function lockAdmins(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('app.users.admins'))`)
}

async function otherEnabledAdmins(tx: Database, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, id)))
  return row?.n ?? 0
}

async function lockedUser(tx: Database, scope: Scope, id: string) {
  const [row] = await tx
    .select({ role: users.role, companyId: users.companyId, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, id), inScope(scope, users.companyId)))
    .for('update')
  return row
}

type LockedUser = NonNullable<Awaited<ReturnType<typeof lockedUser>>>

/**
 * Runs `change` in a transaction holding the admins' lock and the user's row (in scope), so the
 * admin rules it checks still hold when it writes; an unknown or out-of-scope id is `not_found`.
 */
function changeLockedUser(
  db: Database,
  scope: Scope,
  id: string,
  change: (tx: Database, user: LockedUser) => Promise<UserChangeResult>,
): Promise<UserChangeResult> {
  if (!isUuid(id)) return Promise.resolve({ ok: false, reason: 'not_found' })
  return db.transaction(async (tx): Promise<UserChangeResult> => {
    await lockAdmins(tx)
    const user = await lockedUser(tx, scope, id)
    if (!user) return { ok: false, reason: 'not_found' }
    return change(tx, user)
  })
}

async function viewOf(tx: Database, id: string): Promise<UserView> {
  const [row] = await tx
    .select(viewColumns)
    .from(users)
    .leftJoin(companies, eq(companies.id, users.companyId))
    .where(eq(users.id, id))
  if (!row) throw new Error('users: the changed user vanished inside its transaction')
  return row
}

/**
 * Gives an account a new role and writes `user.role_changed` (from/to) in one transaction. Refuses
 * to leave no enabled admin (an admin demoting themselves as the last one), and to make a client of
 * an account without a company (a client sees only its company's data).
 */
export async function changeUserRole(
  db: Database,
  scope: Scope,
  id: string,
  role: UserRole,
  audit: AuditWriter,
): Promise<UserChangeResult> {
  return changeLockedUser(db, scope, id, async (tx, user) => {
    if (user.role === role) return { ok: true, changed: false, user: await viewOf(tx, id) }
    if (user.role === 'admin' && !user.disabledAt && (await otherEnabledAdmins(tx, id)) === 0) {
      return { ok: false, reason: 'last_admin' }
    }
    if (role === 'client' && !user.companyId) return { ok: false, reason: 'client_needs_company' }
    await tx.update(users).set({ role }).where(eq(users.id, id))
    await audit(
      {
        action: 'user.role_changed',
        companyId: user.companyId,
        targetType: 'user',
        targetId: id,
        details: { from: user.role, to: role },
      },
      tx,
    )
    return { ok: true, changed: true, user: await viewOf(tx, id) }
  })
}

/**
 * Disables an account (ending every one of its sessions at once, so it is signed out everywhere now,
 * not at its next request) or enables it again, with `user.disabled` / `user.enabled` audited in the
 * same transaction. An admin cannot disable their own account, nor the last enabled admin.
 */
export async function setUserDisabled(
  db: Database,
  scope: Scope,
  actorId: string,
  id: string,
  disabled: boolean,
  audit: AuditWriter,
): Promise<UserChangeResult> {
  return changeLockedUser(db, scope, id, async (tx, user) => {
    if (Boolean(user.disabledAt) === disabled) return { ok: true, changed: false, user: await viewOf(tx, id) }
    if (disabled && id === actorId) return { ok: false, reason: 'self_disable' }
    if (disabled && user.role === 'admin' && (await otherEnabledAdmins(tx, id)) === 0) {
      return { ok: false, reason: 'last_admin' }
    }
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null })
      .where(eq(users.id, id))
    const sessionsEnded = disabled ? await invalidateUserSessions(tx, id) : 0
    await audit(
      {
        action: disabled ? 'user.disabled' : 'user.enabled',
        companyId: user.companyId,
        targetType: 'user',
        targetId: id,
        details: disabled ? { sessionsEnded } : {},
      },
      tx,
    )
    return { ok: true, changed: true, user: await viewOf(tx, id) }
  })
}
