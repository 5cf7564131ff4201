import { describe, expect, it } from 'vitest'
import {
  DATABASE_ENTRY,
  digestManifest,
  type Manifest,
  unknownMigrations,
  validateManifest,
} from './manifest.ts'

const sha = (char: string) => char.repeat(64)

function manifest(change: (draft: Omit<Manifest, 'sha256'>) => void = () => {}): Manifest {
  const draft: Omit<Manifest, 'sha256'> = {
    format: 'kairo-backup',
    formatVersion: 1,
    createdAt: '2026-12-02T06:00:00.000Z',
    versions: {
      commit: 'abc',
      packageVersion: null,
      postgresServer: '18.1',
      dumpTool: 'pg_dump (PostgreSQL) 18.1',
      migrations: { app: [1, 2], payload: ['20261123_094454_initial'] },
    },
    database: { path: DATABASE_ENTRY, sha256: sha('a'), bytes: 10 },
    objects: [
      {
        path: `objects/media/${sha('b')}`,
        sha256: sha('b'),
        bytes: 3,
        store: 'media',
        key: 'media/x.png',
        contentType: 'image/png',
      },
    ],
  }
  change(draft)
  return { ...draft, sha256: digestManifest(draft) }
}

/** A manifest edited after it was signed: what an altered archive looks like. */
const tampered = (edit: (value: Manifest) => void): unknown => {
  const value = structuredClone(manifest())
  edit(value)
  return JSON.parse(JSON.stringify(value))
}

describe('validateManifest', () => {
  it('accepts what backup writes, after a round trip through JSON', () => {
    const written = manifest()
    expect(validateManifest(JSON.parse(JSON.stringify(written)))).toEqual({ manifest: written })
  })

  it('refuses an entry, a header or a version changed after signing', () => {
    const problem = { problems: ['the manifest does not match its own checksum (the archive was altered)'] }
    expect(
      validateManifest(
        tampered((m) => {
          m.database.bytes = 11
        }),
      ),
    ).toEqual(problem)
    expect(
      validateManifest(
        tampered((m) => {
          Object.assign(m.objects[0] ?? {}, { contentType: 'text/html' })
        }),
      ),
    ).toEqual(problem)
    expect(
      validateManifest(
        tampered((m) => {
          m.versions.migrations.payload = []
        }),
      ),
    ).toEqual(problem)
  })

  it('refuses paths outside the store folders, unknown stores, duplicates and other formats', () => {
    const outside = manifest((m) => {
      Object.assign(m.objects[0] ?? {}, { path: '../../etc/passwd' })
    })
    expect(validateManifest(outside)).toEqual({
      problems: ["object media:media/x.png points outside its store's folder"],
    })
    const unknown = manifest((m) => {
      ;(m.objects[0] as { store: string }).store = 'secrets'
    })
    expect(validateManifest(unknown)).toEqual({ problems: ['unknown store "secrets"'] })
    const twice = manifest((m) => {
      m.objects.push({ ...(m.objects[0] as Manifest['objects'][number]) })
    })
    expect(validateManifest(twice)).toEqual({ problems: ['object media:media/x.png is listed twice'] })
    const future = manifest((m) => {
      m.formatVersion = 2
    })
    expect(validateManifest(future)).toEqual({
      problems: ['archive format 2 is not the one this Kairo reads (1)'],
    })
    expect(validateManifest([])).toEqual({ problems: ['manifest.json is not a JSON object'] })
    const badDigest = manifest((m) => {
      m.database.sha256 = 'not-a-digest'
    })
    expect(validateManifest(badDigest)).toEqual({ problems: ['the database entry is missing'] })
  })
})

describe('unknownMigrations', () => {
  const known = { app: [1, 2, 3], payload: ['a', 'b'] }

  it('is empty when the code knows every archived migration (older archives migrate forward)', () => {
    expect(unknownMigrations({ app: [1, 2], payload: ['a'] }, known)).toEqual([])
  })

  it('names each migration the code does not have', () => {
    expect(unknownMigrations({ app: [1, Date.UTC(2030, 0, 1)], payload: ['a', 'z'] }, known)).toEqual([
      'app migration from 2030-01-01T00:00:00.000Z',
      'payload migration z',
    ])
  })
})
