import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database } from './index.ts'
import * as schema from './schema/index.ts'

export type { Database } from './index.ts'

/** Options of {@link createNodeDb}. */
export interface CreateNodeDbOptions {
  /** Pool size (default 10). */
  max?: number
}

/**
 * Creates a pooled, long-lived database client for Node scripts and servers (seeding, tooling,
 * tests). Unlike the Worker factory it keeps prepared statements and idle connections. Call
 * `close()` before the process should exit.
 */
export function createNodeDb(
  connectionString: string,
  options: CreateNodeDbOptions = {},
): { db: Database; sql: postgres.Sql; close: () => Promise<void> } {
  const sql = postgres(connectionString, {
    max: options.max ?? 10,
    connect_timeout: 10,
    idle_timeout: 30,
    onnotice: () => {},
  })
  const db = drizzle(sql, { schema, casing: 'snake_case' })
  return { db, sql, close: () => sql.end({ timeout: 5 }) }
}
