import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '../src/database.ts'

// The zero-setup default for users without a PostgreSQL: a real server from the npm registry.
describe('embedded PostgreSQL', () => {
  const parent = mkdtempSync(join(tmpdir(), 'kairo-embedded-'))
  // Note: as root the server runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(parent, 0o755)
  const dataDir = join(parent, 'pg')
  afterAll(() => rmSync(parent, { recursive: true, force: true }))

  it('initialises once, keeps its data across a restart, and creates the database', async () => {
    const port = 54359
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'kairo', quiet: true })
    try {
      const sql = postgres(first.url, { max: 1, onnotice: () => {} })
      await sql`create table kept (note text)`
      await sql`insert into kept values ('still here')`
      await sql.end()
    } finally {
      await first.stop()
    }

    const restarted = performance.now()
    const second = await startEmbeddedPostgres({ dataDir, port, database: 'kairo', quiet: true })
    try {
      expect(performance.now() - restarted).toBeLessThan(10_000)
      const sql = postgres(second.url, { max: 1 })
      const rows = await sql`select note from kept`
      await sql.end()
      expect(rows.map((row) => row.note)).toEqual(['still here'])
    } finally {
      await second.stop()
    }
  }, 60_000)
})
