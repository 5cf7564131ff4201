import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

/** Where drizzle-kit writes the SQL migrations, found from this file rather than the cwd. */
export const migrationsFolder = path.resolve(import.meta.dirname, '../migrations')

/**
 * Applies every pending migration of the `app` schema to the database at `databaseUrl`.
 *
 * The journal table lives in `app.__drizzle_migrations` (not drizzle's default `drizzle` schema), so
 * the app touches only its own schema. Already-applied migrations are skipped, so running it twice is
 * safe. Opens one short-lived connection and always closes it.
 */
export async function migrateApp(databaseUrl: string): Promise<void> {
  // Note: `onnotice` silences "schema already exists, skipping" notices on reruns.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    await migrate(drizzle(sql), {
      migrationsFolder,
      migrationsSchema: 'app',
      migrationsTable: '__drizzle_migrations',
    })
  } finally {
    await sql.end({ timeout: 5 })
  }
}
