import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import postgres from 'postgres'
import { packageDir } from './paths.ts'

// Spawning Payload's CLI costs about 5 s (it loads the whole config), so a warm start asks the
// database first and skips the CLI when there is nothing for it to do.

/** The CMS migrations in cms/src/migrations that `payload.payload_migrations` has not recorded. */
export async function pendingCmsMigrations(databaseUrl: string): Promise<string[]> {
  const names = readdirSync(join(packageDir.cms, 'src', 'migrations'))
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -'.ts'.length))
  const applied = await query(databaseUrl, async (sql) => {
    const [table] = await sql`select to_regclass('payload.payload_migrations') as name`
    if (!table?.name) return new Set<string>()
    const rows = await sql<{ name: string }[]>`select name from payload.payload_migrations`
    return new Set(rows.map((row) => row.name))
  })
  return names.filter((name) => !applied.has(name))
}

/**
 * Whether the CMS seed has anything to do, by the rule the seed keeps beside itself
 * (cms/src/seed/needed.sql). A database without the CMS's tables yet needs seeding, too.
 */
export async function cmsSeedNeeded(databaseUrl: string): Promise<boolean> {
  const rule = readFileSync(join(packageDir.cms, 'src', 'seed', 'needed.sql'), 'utf8')
  return query(databaseUrl, async (sql) => {
    const [row] = await sql.unsafe<{ needed: boolean }[]>(rule)
    return row?.needed ?? true
  })
}

async function query<T>(databaseUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return await run(sql)
  } finally {
    await sql.end({ timeout: 1 })
  }
}
