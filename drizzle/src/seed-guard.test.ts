import { describe, expect, it } from 'vitest'
import { seedRefusal } from './seed-guard.ts'

describe('seedRefusal', () => {
  it('allows a database on this machine', () => {
    for (const url of [
      'postgres://postgres@127.0.0.1:5432/kairo',
      'postgres://me:secret@localhost:54329/kairo',
      'postgresql://[::1]:5432/kairo',
      'postgres://127.0.0.2/kairo',
      'postgres:///kairo?host=/var/run/postgresql',
    ]) {
      expect(seedRefusal(url, {}), url).toBeNull()
    }
  })

  it('refuses a database elsewhere in one sentence naming its host but not the password', () => {
    const refusal = seedRefusal('postgres://admin:hunter2-password@db.studio.example:5432/kairo', {})
    expect(refusal).toBe(
      'Refusing to seed demo data into the database on db.studio.example: seeds run only against a ' +
        'database on this machine (set KAIRO_ALLOW_SEED=1 to seed a disposable database elsewhere).',
    )
    expect(seedRefusal('postgres://u@127.0.0.1.example.com/kairo', {})).toMatch(/^Refusing/)
    expect(seedRefusal('postgres://u@x/kairo?host=db.example', {})).toMatch(/^Refusing/)
  })

  it('seeds a disposable remote database only when allowed on purpose', () => {
    expect(seedRefusal('postgres://u@ci-postgres:5432/kairo', { KAIRO_ALLOW_SEED: '1' })).toBeNull()
    expect(seedRefusal('postgres://u@ci-postgres:5432/kairo', { KAIRO_ALLOW_SEED: 'yes' })).toMatch(
      /^Refusing/,
    )
  })

  it('never seeds in production, even on this machine or when allowed', () => {
    expect(seedRefusal('postgres://postgres@127.0.0.1/kairo', { NODE_ENV: 'production' })).toBe(
      'Refusing to seed demo data: NODE_ENV=production, and seeds never run in production.',
    )
    expect(
      seedRefusal('postgres://u@db.example/kairo', { ENVIRONMENT: 'production', KAIRO_ALLOW_SEED: '1' }),
    ).toMatch(/ENVIRONMENT=production/)
  })
})
