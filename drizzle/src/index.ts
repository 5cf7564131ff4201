import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.ts'
import { isWorkerd, openWorkerdSocket } from './workerd-socket.ts'

export * from './schema/index.ts'
export { schema }

/** The typed Drizzle database for the `app` schema. */
export type Database = PostgresJsDatabase<typeof schema>

/** Options of {@link createDb}. */
export interface CreateDbOptions {
  /** Connections this client may open at once (default 1: one request rarely needs more). */
  max?: number
  /** Seconds to wait for a connection before failing (default 3, so a dead database answers fast). */
  connectTimeout?: number
  /** Called with each statement's text as it is sent (tests count a request's round trips with it). */
  onQuery?: (query: string) => void
}

/** What {@link createDb} returns: the Drizzle handle, the raw postgres.js client, and its closer. */
export interface DbClient {
  db: Database
  sql: postgres.Sql
  /** Ends the client's connections; never rejects (a failed close must not fail the response). */
  close: () => Promise<void>
}

/**
 * Creates a short-lived database client for one Worker request.
 *
 * postgres.js clients must not be shared across Workers requests (sockets are bound to the request
 * that opened them), so create one per request and close it once the response is sent
 * (`ctx.waitUntil(close())`). `prepare: false` suits Hyperdrive's pooling, and with the patched
 * postgres.js (patches/README.md) sends each statement in one flight; `fetch_types: false` saves a
 * round trip per connection (the schema uses no custom array types).
 */
export function createDb(connectionString: string, options: CreateDbOptions = {}): DbClient {
  const sql = postgres(connectionString, {
    max: options.max ?? 1,
    prepare: false,
    fetch_types: false,
    connect_timeout: options.connectTimeout ?? 3,
    idle_timeout: 5,
    onnotice: () => {},
    ...(options.onQuery ? { debug: (_connection: number, query: string) => options.onQuery?.(query) } : {}),
    // Inside workerd, a socket that closes without unhandled rejections (see workerd-socket.ts).
    ...(isWorkerd() ? { socket: openWorkerdSocket } : {}),
  } as postgres.Options<Record<string, never>>)
  const db = drizzle(sql, { schema, casing: 'snake_case' })
  const close = async () => {
    try {
      await sql.end({ timeout: 1 })
    } catch {
      // Closing a broken connection can fail; the request is already answered.
    }
  }
  return { db, sql, close }
}
