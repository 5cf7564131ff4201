import { describe, expect, it } from 'vitest'
import { UserFacingError } from './log.ts'
import { seedAll } from './steps.ts'

describe('seedAll', () => {
  it('refuses a database that is not on this machine before connecting to it', async () => {
    const attempt = seedAll({
      databaseUrl: 'postgres://kairo:s3cret-password@db.studio.example:5432/kairo',
      payloadSecret: 'f'.repeat(64),
      quiet: true,
    })
    await expect(attempt).rejects.toThrow(UserFacingError)
    await expect(attempt).rejects.toThrow(
      /^Refusing to seed demo data into the database on db\.studio\.example: seeds run only against a database on this machine/,
    )
    await expect(attempt).rejects.not.toThrow(/s3cret/)
  })
})
