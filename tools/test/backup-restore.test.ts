import { randomBytes } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '@kairo/api/password'
import { createNodeDb } from '@kairo/db/node'
import { seedApp } from '@kairo/db/seed'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checksumFile, hashFile, openArchive, writeArchive } from '../src/backup/archive.ts'
import { backup, type SystemTarget } from '../src/backup/backup.ts'
import { catalogDump } from '../src/backup/catalog-dump.ts'
import { DATABASE_ENTRY, digestManifest, type Manifest } from '../src/backup/manifest.ts'
import { type ObjectStore, openStore } from '../src/backup/object-stores.ts'
import { findPgDump, pgDumpSchemas } from '../src/backup/pg-dump.ts'
import { restore } from '../src/backup/restore.ts'
import { localConnection, type StoreLocation } from '../src/backup/stores-config.ts'
import {
  createDatabaseIfMissing,
  dropDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../src/database.ts'
import { startObjectStorage } from '../src/object-storage.ts'
import { migrateAll } from '../src/steps.ts'

// Backup and restore against real parts: PostgreSQL (DATABASE_URL's server, as CI runs it, and an
// embedded PostgreSQL 18, which no installed pg_dump can read), s3rver, and wrangler's local R2.

const payloadSecret = process.env.PAYLOAD_SECRET ?? randomBytes(32).toString('hex')
const work = mkdtempSync(join(tmpdir(), 'kairo-backup-test-'))
const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  rmSync(work, { recursive: true, force: true })
}, 60_000)

/** A fresh, migrated database with the demo client companies and a row in Payload's schema. */
async function seededDatabase(serverUrl: string, name: string): Promise<string> {
  const url = await emptyDatabase(serverUrl, name)
  await migrateAll({ databaseUrl: url, payloadSecret, quiet: true })
  const { db, close } = createNodeDb(url)
  try {
    await seedApp(db, { hashPassword })
  } finally {
    await close()
  }
  await query(
    url,
    (sql) => sql`insert into payload.payload_kv (key, data) values ('backup-test', '{"kept": true}')`,
  )
  return url
}

async function emptyDatabase(serverUrl: string, name: string): Promise<string> {
  await createDatabaseIfMissing(withDatabase(serverUrl, 'postgres'), name)
  cleanups.push(() => dropDatabase(withDatabase(serverUrl, 'postgres'), name))
  return withDatabase(serverUrl, name)
}

async function query<T>(url: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    return await run(sql)
  } finally {
    await sql.end()
  }
}

/** Local stores: two buckets on one s3rver (fresh names per system) and a wrangler R2 state folder. */
function storesFor(endpoint: string, system: string): StoreLocation[] {
  const connection = localConnection(endpoint)
  return [
    { name: 'media', kind: 's3', bucket: `${system}-media`, connection },
    { name: 'assets', kind: 's3', bucket: `${system}-assets`, connection },
    { name: 'deliverables', kind: 'wrangler', persistTo: join(work, `${system}-wrangler`) },
  ]
}

async function withStores<T>(stores: StoreLocation[], run: (open: ObjectStore[]) => Promise<T>): Promise<T> {
  const open: ObjectStore[] = []
  try {
    for (const location of stores) open.push(await openStore(location, { createMissing: true }))
    return await run(open)
  } finally {
    for (const store of open) await store.close()
  }
}

/** Every object of every store: key, bytes' sha256 and content type, for equality checks. */
async function storeContents(stores: StoreLocation[]): Promise<Record<string, string[]>> {
  return withStores(stores, async (open) => {
    const contents: Record<string, string[]> = {}
    for (const store of open) {
      const rows: string[] = []
      for (const key of await store.keys()) {
        const { body, headers } = await store.read(key)
        const { createHash } = await import('node:crypto')
        rows.push(`${key} ${createHash('sha256').update(body).digest('hex')} ${headers.contentType}`)
      }
      contents[store.location.name] = rows
    }
    return contents
  })
}

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(64)])

async function putDemoObjects(stores: StoreLocation[]): Promise<void> {
  await withStores(stores, async ([media, assets, deliverables]) => {
    await media?.write('media/hero.png', png, { contentType: 'image/png' })
    await media?.write('model-sources/planet.glb', randomBytes(2048), { contentType: 'model/gltf-binary' })
    await assets?.write('models/planet/abc123/manifest.json', Buffer.from('{"lods":[]}'), {
      contentType: 'application/json',
      cacheControl: 'public, max-age=31536000, immutable',
    })
    await deliverables?.write('projects/orbital/brief.pdf', Buffer.from('%PDF-1.7 brief'), {
      contentType: 'application/pdf',
      metadata: { uploadedBy: 'team' },
    })
  })
}

/** The database as a dump, without the lines that name the tool or its run. */
async function comparableDump(url: string, tool: 'catalog' | 'pg_dump'): Promise<string> {
  const file = join(work, `compare-${randomBytes(4).toString('hex')}.sql`)
  if (tool === 'catalog') await catalogDump(url, file)
  else {
    const serverMajor = await query(
      url,
      async (sql) => Number((await sql`show server_version_num`)[0]?.server_version_num) / 10000,
    )
    const dump = await findPgDump(Math.floor(serverMajor))
    if (!dump) throw new Error('no pg_dump for this server')
    await pgDumpSchemas(dump, url, file)
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('--') && !line.startsWith('\\'))
    .join('\n')
}

describe.each([
  { server: 'embedded PostgreSQL 18 (the built-in catalog dump)', embedded: true },
  { server: "DATABASE_URL's server (pg_dump when one fits)", embedded: false },
])('backup and restore on $server', ({ embedded }) => {
  let serverUrl = ''
  let s3Endpoint = ''
  let source: SystemTarget
  let archive = ''
  const system = embedded ? 'emb' : 'ext'

  beforeAll(async () => {
    if (embedded || !process.env.DATABASE_URL) {
      const server = await startEmbeddedPostgres({
        dataDir: join(work, `${system}-pg`),
        port: embedded ? 54379 : 54389,
        database: 'postgres',
        quiet: true,
      })
      cleanups.push(server.stop)
      serverUrl = server.url
    } else serverUrl = process.env.DATABASE_URL
    const s3 = await startObjectStorage({ port: 0, dataDir: join(work, `${system}-s3`), quiet: true })
    cleanups.push(s3.stop)
    s3Endpoint = s3.endpoint
    const suffix = randomBytes(4).toString('hex')
    source = {
      databaseUrl: await seededDatabase(serverUrl, `kairo_backup_src_${suffix}`),
      stores: storesFor(s3Endpoint, `${system}-src`),
    }
    await putDemoObjects(source.stores)
    archive = join(work, `${system}.tar.gz`)
  }, 120_000)

  it('writes one archive and restores it into an empty system: same schema, rows, sequences and objects', async () => {
    const written = await backup(source, { out: archive })
    expect(written.objects).toBe(4)
    if (embedded) expect(written.dumpTool).toMatch(/^kairo catalog dump 1 \(PostgreSQL 18/)
    expect((await hashFile(archive)).sha256).toBe(written.sha256)
    expect(readFileSync(checksumFile(archive), 'utf8')).toBe(`${written.sha256}  ${system}.tar.gz\n`)

    const target: SystemTarget = {
      databaseUrl: await emptyDatabase(serverUrl, `kairo_backup_dst_${randomBytes(4).toString('hex')}`),
      stores: storesFor(s3Endpoint, `${system}-dst`),
    }
    const restored = await restore(target, { archive, force: false, payloadSecret })
    expect(restored).toMatchObject({ objects: 4, removed: 0 })

    const tool = written.dumpTool.startsWith('pg_dump') ? 'pg_dump' : 'catalog'
    expect(await comparableDump(target.databaseUrl, tool)).toBe(
      await comparableDump(source.databaseUrl, tool),
    )
    expect(await storeContents(target.stores)).toEqual(await storeContents(source.stores))
    // What a user notices: the demo clients can sign in (same hash), Payload's row is back, and new
    // rows get fresh ids rather than colliding with restored ones.
    const users = await query(
      target.databaseUrl,
      (sql) => sql`select email, password_hash from app.users order by email`,
    )
    expect(users).toEqual(
      await query(
        source.databaseUrl,
        (sql) => sql`select email, password_hash from app.users order by email`,
      ),
    )
    expect(users.length).toBeGreaterThan(1)
    const [kv] = await query(
      target.databaseUrl,
      (sql) => sql`select data from payload.payload_kv where key = 'backup-test'`,
    )
    expect(kv?.data).toEqual({ kept: true })
    await query(
      target.databaseUrl,
      (sql) => sql`insert into payload.payload_kv (key, data) values ('after-restore', '{}')`,
    )
  }, 180_000)

  // The refusal and the rollback do not depend on the dump tool: defined once, for the embedded server.
  if (embedded)
    it('refuses a non-empty target in one sentence and changes nothing; --force replaces it', async () => {
      const target: SystemTarget = { databaseUrl: source.databaseUrl, stores: source.stores }
      await withStores([target.stores[0] as StoreLocation], ([media]) =>
        (media as ObjectStore).write('media/added-after-backup.png', png, { contentType: 'image/png' }),
      )
      await query(target.databaseUrl, (sql) => sql`delete from payload.payload_kv where key = 'backup-test'`)
      const before = await storeContents(target.stores)

      await expect(restore(target, { archive, force: false, payloadSecret })).rejects.toThrow(
        /^the target is not empty: the database \(\d+ objects in app and payload\); media \(bucket .+\) with 3 objects; .*pass --force to replace them\. Nothing was changed\.$/,
      )
      expect(await storeContents(target.stores)).toEqual(before)
      expect(
        await query(
          target.databaseUrl,
          (sql) => sql`select 1 from payload.payload_kv where key = 'backup-test'`,
        ),
      ).toHaveLength(0)

      const forced = await restore(target, { archive, force: true, payloadSecret })
      expect(forced).toMatchObject({ objects: 4, removed: 1 })
      expect((await storeContents(target.stores)).media?.map((row) => row.split(' ')[0])).toEqual([
        'media/hero.png',
        'model-sources/planet.glb',
      ])
      expect(
        await query(
          target.databaseUrl,
          (sql) => sql`select 1 from payload.payload_kv where key = 'backup-test'`,
        ),
      ).toHaveLength(1)
    }, 180_000)

  if (embedded)
    it('a failure while loading the database rolls it back and touches no bucket', async () => {
      // A valid archive (every checksum right) whose dump fails at its very end.
      const broken = join(work, `${system}-broken`)
      await mkdir(join(broken, 'objects'), { recursive: true })
      const unpacked = join(work, `${system}-unpacked`)
      await mkdir(unpacked, { recursive: true })
      const manifest = await openArchive(archive, unpacked)
      const dump = `${readFileSync(join(unpacked, DATABASE_ENTRY), 'utf8')}\nSELECT no_such_function();\n`
      writeFileSync(join(broken, DATABASE_ENTRY), dump)
      const { sha256: _old, ...rest } = {
        ...manifest,
        database: { path: DATABASE_ENTRY, ...(await hashFile(join(broken, DATABASE_ENTRY))) },
        objects: [],
      }
      const brokenArchive = join(work, `${system}-broken.tar.gz`)
      await writeArchive(broken, { ...rest, sha256: digestManifest(rest) } as Manifest, brokenArchive)

      await query(
        source.databaseUrl,
        (sql) => sql`insert into payload.payload_kv (key, data) values ('before-failure', '{}')`,
      )
      const before = await storeContents(source.stores)
      await expect(restore(source, { archive: brokenArchive, force: true, payloadSecret })).rejects.toThrow(
        /^loading the database failed and was rolled back, so the database and the buckets are as they were before: .*no_such_function/,
      )
      expect(
        await query(
          source.databaseUrl,
          (sql) => sql`select 1 from payload.payload_kv where key = 'before-failure'`,
        ),
      ).toHaveLength(1)
      expect(await storeContents(source.stores)).toEqual(before)
    }, 180_000)
})

describe('a damaged archive changes nothing', () => {
  let target: SystemTarget
  let archive = ''

  beforeAll(async () => {
    const s3 = await startObjectStorage({ port: 0, dataDir: join(work, 'damaged-s3'), quiet: true })
    cleanups.push(s3.stop)
    const staging = join(work, 'damaged-staging')
    await mkdir(join(staging, 'objects', 'media'), { recursive: true })
    writeFileSync(join(staging, DATABASE_ENTRY), 'CREATE SCHEMA app;\nCREATE TABLE app.t (id int);\n')
    writeFileSync(join(staging, 'objects', 'media', 'x'), 'unused')
    const body = Buffer.from('image bytes')
    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(body).digest('hex')
    writeFileSync(join(staging, 'objects', 'media', sha), body)
    rmSync(join(staging, 'objects', 'media', 'x'))
    const unsigned = {
      format: 'kairo-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      versions: {
        commit: null,
        packageVersion: null,
        postgresServer: '18',
        dumpTool: 'test',
        migrations: { app: [], payload: [] },
      },
      database: { path: DATABASE_ENTRY, ...(await hashFile(join(staging, DATABASE_ENTRY))) },
      objects: [
        { path: `objects/media/${sha}`, sha256: sha, bytes: body.length, store: 'media', key: 'media/x.png' },
      ],
    } as Omit<Manifest, 'sha256'>
    archive = join(work, 'good.tar.gz')
    await writeArchive(staging, { ...unsigned, sha256: digestManifest(unsigned) }, archive)
    const serverUrl = process.env.DATABASE_URL
    let url: string
    if (serverUrl) url = await emptyDatabase(serverUrl, `kairo_backup_dmg_${randomBytes(4).toString('hex')}`)
    else {
      const server = await startEmbeddedPostgres({
        dataDir: join(work, 'dmg-pg'),
        port: 54399,
        database: 'kairo',
        quiet: true,
      })
      cleanups.push(server.stop)
      url = server.url
    }
    target = { databaseUrl: url, stores: storesFor(s3.endpoint, 'dmg').slice(0, 1) }
  }, 120_000)

  const expectUntouched = async () => {
    expect(await query(target.databaseUrl, (sql) => sql`select to_regclass('app.t') as t`)).toEqual([
      { t: null },
    ])
    expect(await storeContents(target.stores)).toEqual({ media: [] })
  }

  it('a flipped byte is caught by the archive checksum beside it', async () => {
    const copy = join(work, 'flipped.tar.gz')
    copyFileSync(archive, copy)
    copyFileSync(checksumFile(archive), checksumFile(copy))
    const bytes = readFileSync(copy)
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff
    writeFileSync(copy, bytes)
    await expect(restore(target, { archive: copy, force: false, payloadSecret })).rejects.toThrow(
      /flipped\.tar\.gz cannot be restored: its sha256 does not match flipped\.tar\.gz\.sha256 .*Nothing was changed\.$/,
    )
    await expectUntouched()
  })

  it('without the checksum file, a broken gzip or an altered entry is still refused', async () => {
    const truncated = join(work, 'truncated.tar.gz')
    writeFileSync(truncated, readFileSync(archive).subarray(0, 200))
    await expect(restore(target, { archive: truncated, force: false, payloadSecret })).rejects.toThrow(
      /cannot be restored: it is not a readable tar\.gz/,
    )
    // Repacked with an altered object but the original manifest: the entry's digest no longer matches.
    const repack = join(work, 'repack')
    await mkdir(repack, { recursive: true })
    const manifest = await openArchive(archive, repack)
    writeFileSync(join(repack, manifest.objects[0]?.path ?? 'missing'), 'other bytes')
    const altered = join(work, 'altered.tar.gz')
    const tar = await import('tar')
    await tar.c({ gzip: true, file: altered, cwd: repack }, ['manifest.json', DATABASE_ENTRY, 'objects'])
    await expect(restore(target, { archive: altered, force: false, payloadSecret })).rejects.toThrow(
      /altered\.tar\.gz cannot be restored: objects\/media\/[0-9a-f]{64} does not match its checksum/,
    )
    await expectUntouched()
  })

  it('an archive from newer code (an unknown migration) is refused before anything changes', async () => {
    const newer = join(work, 'newer')
    await mkdir(newer, { recursive: true })
    const manifest = await openArchive(archive, newer)
    const { sha256: _old, ...rest } = manifest
    rest.versions.migrations.payload = ['29991231_000000_from_the_future']
    await writeArchive(newer, { ...rest, sha256: digestManifest(rest) }, join(work, 'newer.tar.gz'))
    await expect(
      restore(target, { archive: join(work, 'newer.tar.gz'), force: false, payloadSecret }),
    ).rejects.toThrow(
      /comes from newer code than this checkout \(payload migration 29991231_000000_from_the_future\)/,
    )
    await expectUntouched()
  })
})
