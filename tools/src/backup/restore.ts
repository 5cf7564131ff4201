import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'
import { UserFacingError } from '../log.ts'
import { migrateAll } from '../steps.ts'
import { openArchive } from './archive.ts'
import type { SystemTarget } from './backup.ts'
import { dropKairoSchemas, kairoObjectCount, knownMigrations } from './database-state.ts'
import { unknownMigrations } from './manifest.ts'
import { type ObjectStore, openStore } from './object-stores.ts'
import { loadPlainDump } from './sql-load.ts'
import { describeStore } from './stores-config.ts'

export interface RestoreOptions {
  archive: string
  /** Replace a non-empty database and non-empty buckets instead of refusing. */
  force: boolean
  /** For the current code's migrations after the load (Payload's CLI needs it). */
  payloadSecret: string
  log?: (line: string) => void
}

export interface RestoreResult {
  objects: number
  /** Objects a `--force` restore removed because the archive does not have them. */
  removed: number
  seconds: number
}

/**
 * Restores an archive into the target, in an order that never leaves a half-restored system
 * silently: (1) unpack and verify every checksum and that this code knows every archived migration,
 * changing nothing; (2) refuse a non-empty database or bucket unless `force`; (3) load the database in
 * one transaction (with `force`, dropping the old schemas in that same transaction), so a failure
 * leaves the database as it was; (4) put the objects back, then (with `force`) remove the ones the
 * archive does not have; (5) run the current code's migrations. A failure after (3) says exactly what
 * was restored and how to finish.
 */
export async function restore(target: SystemTarget, options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now()
  const log = options.log ?? (() => {})
  const work = await mkdtemp(join(tmpdir(), 'kairo-restore-'))
  const stores: ObjectStore[] = []
  const sql = postgres(target.databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const manifest = await openArchive(options.archive, work)
    log(
      `archive verified: ${manifest.objects.length} objects, made ${manifest.createdAt} by ${manifest.versions.commit ?? 'an unknown commit'}`,
    )
    const unknown = unknownMigrations(manifest.versions.migrations, knownMigrations())
    if (unknown.length > 0)
      throw new UserFacingError(
        `this archive comes from newer code than this checkout (${unknown.join(', ')}); restore it with Kairo at commit ${manifest.versions.commit ?? 'of the backup'}. Nothing was changed.`,
      )

    const tableCount = await kairoObjectCount(sql)
    const occupied: string[] =
      tableCount > 0 ? [`the database (${tableCount} objects in app and payload)`] : []
    const existing = new Map<ObjectStore, string[]>()
    for (const location of target.stores) {
      const store = await openStore(location, { createMissing: isLoopback(location) })
      stores.push(store)
      const keys = await store.keys()
      existing.set(store, keys)
      if (keys.length > 0) occupied.push(`${describeStore(location)} with ${keys.length} objects`)
    }
    if (occupied.length > 0 && !options.force)
      throw new UserFacingError(
        `the target is not empty: ${occupied.join('; ')}. Restore into an empty database and empty buckets, or pass --force to replace them. Nothing was changed.`,
      )

    try {
      await sql.begin(async (tx) => {
        await dropKairoSchemas(tx)
        await loadPlainDump(tx, join(work, manifest.database.path))
      })
    } catch (error) {
      throw new UserFacingError(
        `loading the database failed and was rolled back, so the database and the buckets are as they were before: ${reason(error)}`,
      )
    }
    log(`database restored (${manifest.versions.postgresServer}, ${manifest.versions.dumpTool})`)

    let written = 0
    let removed = 0
    for (const store of stores) {
      const entries = manifest.objects.filter((object) => object.store === store.location.name)
      try {
        for (const entry of entries) {
          const { path, sha256: _sha, bytes: _bytes, store: _store, key, ...headers } = entry
          await store.write(key, await readFile(join(work, path)), headers)
          written++
        }
        const keep = new Set(entries.map((entry) => entry.key))
        for (const key of existing.get(store) ?? []) {
          if (keep.has(key)) continue
          await store.remove(key)
          removed++
        }
      } catch (error) {
        throw new UserFacingError(
          `the database is restored, but putting objects back into ${describeStore(store.location)} failed (${reason(error)}); ${written} of ${manifest.objects.length} objects are back. Run the same restore with --force to finish.`,
        )
      }
      log(`${store.location.name}: ${entries.length} objects restored`)
    }

    try {
      await migrateAll({ databaseUrl: target.databaseUrl, payloadSecret: options.payloadSecret, quiet: true })
    } catch (error) {
      throw new UserFacingError(
        `the database and objects are restored, but this code's migrations failed on them (${reason(error)}); fix the cause and run ./kairo db:migrate`,
      )
    }
    log('migrations of the current code applied')
    return { objects: written, removed, seconds: (performance.now() - started) / 1000 }
  } finally {
    for (const store of stores) await store.close()
    await sql.end({ timeout: 5 })
    await rm(work, { recursive: true, force: true })
  }
}

/** A local server (s3rver in dev and tests), where creating a missing bucket is what the user expects. */
function isLoopback(location: SystemTarget['stores'][number]): boolean {
  if (location.kind !== 's3') return false
  const host = new URL(location.connection.endpoint).hostname
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0] ?? 'unknown error'
}
