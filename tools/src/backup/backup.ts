import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import postgres from 'postgres'
import { repoRoot } from '../paths.ts'
import { hashFile, writeArchive } from './archive.ts'
import { catalogDump } from './catalog-dump.ts'
import { appliedMigrations, serverVersion } from './database-state.ts'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  DATABASE_ENTRY,
  digestManifest,
  type Manifest,
  type ObjectEntry,
  objectPath,
} from './manifest.ts'
import { openStore } from './object-stores.ts'
import { findPgDump, pgDumpSchemas } from './pg-dump.ts'
import type { StoreLocation } from './stores-config.ts'

/** What a backup reads: one database (both schemas) and the object stores. */
export interface SystemTarget {
  databaseUrl: string
  stores: StoreLocation[]
}

export interface BackupResult {
  archive: string
  /** sha256 of the archive file, also in `<archive>.sha256`. */
  sha256: string
  bytes: number
  objects: number
  dumpTool: string
  seconds: number
}

/**
 * Writes one archive of the whole state: both schemas dumped in one snapshot (pg_dump when one of the
 * server's major version or newer is installed, else the built-in catalog dump), every object of
 * every store with its stored headers, and a manifest with a sha256 per entry, one for the whole, and
 * the versions. Objects are read after the database snapshot: an upload that lands meanwhile may be
 * in the archive without its row, never the other way round for immutable, content-addressed keys.
 */
export async function backup(
  target: SystemTarget,
  options: { out: string; log?: (line: string) => void },
): Promise<BackupResult> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const staging = await mkdtemp(join(tmpdir(), 'kairo-backup-'))
  try {
    const sql = postgres(target.databaseUrl, { max: 1, onnotice: () => {} })
    let server: { text: string; major: number }
    let migrations: Manifest['versions']['migrations']
    try {
      server = await serverVersion(sql)
      migrations = await appliedMigrations(sql)
    } finally {
      await sql.end({ timeout: 5 })
    }
    const dumpFile = join(staging, DATABASE_ENTRY)
    const pgDump = await findPgDump(server.major)
    let dumpTool: string
    if (pgDump) {
      await pgDumpSchemas(pgDump, target.databaseUrl, dumpFile)
      dumpTool = pgDump.version
    } else {
      dumpTool = (await catalogDump(target.databaseUrl, dumpFile)).tool
    }
    const database = { path: DATABASE_ENTRY, ...(await hashFile(dumpFile)) }
    log(`database: PostgreSQL ${server.text}, dumped with ${dumpTool} (${database.bytes} bytes)`)

    const objects: ObjectEntry[] = []
    for (const location of target.stores) {
      const store = await openStore(location)
      try {
        const keys = await store.keys()
        await mkdir(join(staging, 'objects', location.name), { recursive: true })
        for (const key of keys) {
          const { body, headers } = await store.read(key)
          const entry = { ...(await writeObject(staging, location.name, body)), store: location.name, key }
          objects.push({ ...entry, ...headers })
        }
        log(`${location.name}: ${keys.length} objects`)
      } finally {
        await store.close()
      }
    }
    const unsigned: Omit<Manifest, 'sha256'> = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      versions: {
        commit: gitCommit(),
        packageVersion: packageVersion(),
        postgresServer: server.text,
        dumpTool,
        migrations,
      },
      database,
      objects,
    }
    const manifest: Manifest = { ...unsigned, sha256: digestManifest(unsigned) }
    await mkdir(dirname(options.out), { recursive: true })
    const sha256 = await writeArchive(staging, manifest, options.out)
    return {
      archive: options.out,
      sha256,
      bytes: (await stat(options.out)).size,
      objects: objects.length,
      dumpTool,
      seconds: (performance.now() - started) / 1000,
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Stores an object's bytes under their sha256 (identical objects share one file). */
async function writeObject(staging: string, store: ObjectEntry['store'], body: Uint8Array) {
  const sha256 = createHash('sha256').update(body).digest('hex')
  const path = objectPath(store, sha256)
  if (!existsSync(join(staging, path))) await writeFile(join(staging, path), body)
  return { path, sha256, bytes: body.byteLength }
}

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return commit.toString().trim() || null
  } catch {
    return null
  }
}

function packageVersion(): string | null {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? null
}
