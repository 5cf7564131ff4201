import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assertReachable, startEmbeddedPostgres, withDatabase } from './database.ts'

describe('database', () => {
  it('refuses a taken port with one clear message instead of a bare rejection', async () => {
    const server: Server = await new Promise((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => resolve(s))
    })
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const dataDir = mkdtempSync(join(tmpdir(), 'kairo-pg-'))
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, database: 'x', quiet: true })).rejects.toThrow(
        `port ${port} is already in use`,
      )
    } finally {
      server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('explains an unreachable or malformed DATABASE_URL without leaking the password', async () => {
    await expect(assertReachable('mysql://x', 'DATABASE_URL')).rejects.toThrow('must start with postgres://')
    const error = await assertReachable('postgres://me:s3cret@127.0.0.1:9/app', 'DATABASE_URL').then(
      () => new Error('expected a rejection'),
      (e: Error) => e,
    )
    expect(error.message).toContain('cannot connect to the database in DATABASE_URL (127.0.0.1:9/app)')
    expect(error.message).not.toContain('s3cret')
  })

  it('swaps the database name in a connection string', () => {
    expect(withDatabase('postgres://u:p@h:5/a?sslmode=disable', 'b')).toBe(
      'postgres://u:p@h:5/b?sslmode=disable',
    )
  })
})
