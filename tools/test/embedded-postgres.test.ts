import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres } from '../src/database.ts'
import { folderHiddenFromOthers } from '../src/postgres-as-root.ts'

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

// As root, from a checkout inside a folder other users cannot enter (a root home, `mktemp -d`): the
// `postgres` system user cannot reach the data folder, so the server runs in a user namespace instead.
describe.runIf(process.getuid?.() === 0)('embedded PostgreSQL as root inside a mode-700 folder', () => {
  const closed = mkdtempSync(join(tmpdir(), 'kairo-closed-'))
  chmodSync(closed, 0o700)
  const dataDir = join(closed, 'checkout', '.data', 'pg')
  afterAll(() => rmSync(closed, { recursive: true, force: true }))

  it('starts, answers as the postgres role, and keeps its data in the closed folder', async () => {
    expect(folderHiddenFromOthers([dataDir])).toBe(closed)
    const port = 54369
    const first = await startEmbeddedPostgres({ dataDir, port, database: 'kairo', quiet: true })
    try {
      const sql = postgres(first.url, { max: 1, onnotice: () => {} })
      await sql`create table kept (note text)`
      await sql`insert into kept values ('in the closed folder')`
      await sql.end()
    } finally {
      await first.stop()
    }
    expect(statSync(join(dataDir, 'PG_VERSION')).uid).toBe(0)
    const second = await startEmbeddedPostgres({ dataDir, port, database: 'kairo', quiet: true })
    try {
      const sql = postgres(second.url, { max: 1, onnotice: () => {} })
      const rows = await sql`select note, current_user as role from kept`
      await sql.end()
      expect(rows).toEqual([{ note: 'in the closed folder', role: 'postgres' }])
    } finally {
      await second.stop()
    }
  }, 60_000)
})

describe('folderHiddenFromOthers', () => {
  it('names the first folder above a path that other users cannot enter', () => {
    const open = mkdtempSync(join(tmpdir(), 'kairo-open-'))
    try {
      chmodSync(open, 0o755)
      const inner = join(open, 'inner')
      const data = join(inner, 'deeper', 'data')
      mkdirSync(join(inner, 'deeper'), { recursive: true, mode: 0o755 })
      mkdirSync(data, { mode: 0o700 })
      // The path itself may be closed (a data folder is mode 700): only the folders above it count.
      expect(folderHiddenFromOthers([data, join(inner, 'deeper', 'not-yet', 'created')])).toBeNull()
      chmodSync(inner, 0o750)
      expect(folderHiddenFromOthers([data])).toBe(inner)
    } finally {
      rmSync(open, { recursive: true, force: true })
    }
  })
})
