import type { Database } from '@kairo/db'
import { type AnyColumn, type SQL, sql } from 'drizzle-orm'
import type { AuditEvent } from '../audit/record.ts'

// Small shared pieces of the team's data modules (leads, companies, users, invitations).

/** Writes an audit entry inside the caller's transaction (routes pass `recordAudit` bound to `c`). */
export type AuditWriter = (event: AuditEvent, tx: Database) => Promise<void>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether `id` can be a row id. Anything else is answered "not found" without asking Postgres, which
 * would reject it as a malformed uuid (an error, not an absent row).
 */
export function isUuid(id: string): boolean {
  return UUID.test(id)
}

/** A page of a list, with the total of matching rows (null when the page is past the end). */
export interface ListPage<T> {
  items: T[]
  page: number
  pageSize: number
  total: number | null
}

/** A 1-based page number from user input; anything else is page 1. */
export function pageNumber(page: number | undefined): number {
  return page !== undefined && Number.isSafeInteger(page) && page >= 1 ? page : 1
}

/**
 * Builds a {@link ListPage} from rows that carry `total` (`count(*) over ()`). An empty page past the
 * first has no row to carry the total, so its total is unknown (null) rather than a false 0.
 */
export function toListPage<T extends { total: number }>(
  rows: T[],
  page: number,
  pageSize: number,
): ListPage<Omit<T, 'total'>> {
  const total = rows[0]?.total ?? (page === 1 ? 0 : null)
  return { items: rows.map(({ total: _total, ...item }) => item), page, pageSize, total }
}

/**
 * A column of the outer query, qualified by its table's name, for correlated subqueries. Drizzle
 * writes the columns of a single-table select unqualified (`"id"`), and inside a subquery an
 * unqualified `"id"` means the subquery's own table: an error at best, a wrong match at worst.
 */
export function outerColumn(table: string, column: string): SQL {
  return sql`${sql.identifier(table)}.${sql.identifier(column)}`
}

/**
 * "Contains `text`", case-insensitively, in any of `columns`: `ilike` with the text's own `%`, `_`
 * and `\` escaped (backslash is `like`'s default escape), so a search for `50%` finds "50%" and not
 * "500". A null column (a lead without a company) simply does not match.
 */
export function containsText(text: string, columns: ReadonlyArray<AnyColumn | SQL>): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`
  return sql`(${sql.join(
    columns.map((column) => sql`${column} ilike ${pattern}`),
    sql` or `,
  )})`
}
