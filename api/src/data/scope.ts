import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import type { SessionUser } from '../auth/session.ts'

// The one place that decides whose data a request may see. Every query for company-owned rows goes
// through a function in `src/data/` that takes a Scope and adds `inScope(scope, <companyId column>)`
// to its WHERE, so another company's id in a URL or a form matches no row: the route answers 404,
// never data, and there is no second check to forget.

/** `all`: studio staff (team, admin) see every company; `company`: a client sees only its own. */
export type Scope = { kind: 'all' } | { kind: 'company'; companyId: string }

/**
 * Stands in for a client account that belongs to no company (the company was deleted: the foreign key
 * sets null). No company has this id (ids are random v4 UUIDs), so such a user sees nothing.
 */
export const NO_COMPANY = '00000000-0000-0000-0000-000000000000'

/** The scope of a signed-in user. */
export function scopeOf(user: Pick<SessionUser, 'role' | 'companyId'>): Scope {
  if (user.role === 'admin' || user.role === 'team') return { kind: 'all' }
  return { kind: 'company', companyId: user.companyId ?? NO_COMPANY }
}

/**
 * The WHERE condition that keeps a query inside `scope`, given the column holding the row's company
 * id; undefined for `all` (Drizzle's `and()`/`where()` drop undefined conditions).
 */
export function inScope(scope: Scope, companyIdColumn: AnyColumn | SQL): SQL | undefined {
  return scope.kind === 'all' ? undefined : sql`${companyIdColumn} = ${scope.companyId}`
}

/** Whether the scope sees every company (so pages show each row's company name). */
export function seesAllCompanies(scope: Scope): boolean {
  return scope.kind === 'all'
}
