import { createHash } from 'node:crypto'

/** Bumped when the archive layout changes in a way an older `restore` could not read. */
export const ARCHIVE_FORMAT = 'kairo-backup'
export const ARCHIVE_FORMAT_VERSION = 1

/** The stores a backup covers (README "Backups"): the CMS's media, processed models, deliverables. */
export const STORE_NAMES = ['media', 'assets', 'deliverables'] as const
export type StoreName = (typeof STORE_NAMES)[number]

/** One file inside the archive, with the digest `restore` checks before it changes anything. */
export interface ArchiveEntry {
  /** Path inside the archive (`database.sql`, `objects/<store>/<sha256>`). */
  path: string
  sha256: string
  bytes: number
}

/** An object of a bucket: where it goes back to, its stored headers, and its bytes' entry. */
export interface ObjectEntry extends ArchiveEntry {
  store: StoreName
  key: string
  contentType?: string
  cacheControl?: string
  contentDisposition?: string
  contentEncoding?: string
  metadata?: Record<string, string>
}

export interface AppliedMigrations {
  /** Drizzle's `app.__drizzle_migrations`: the journal's `when` of each applied migration. */
  app: number[]
  /** Payload's `payload.payload_migrations` names. */
  payload: string[]
}

export interface Manifest {
  format: typeof ARCHIVE_FORMAT
  formatVersion: number
  createdAt: string
  versions: {
    /** Kairo's git commit when the backup ran from a checkout; null otherwise. */
    commit: string | null
    packageVersion: string | null
    postgresServer: string
    /** `pg_dump (PostgreSQL) 18.1`, or `kairo catalog dump 1 (PostgreSQL 18.1)` when no pg_dump fits. */
    dumpTool: string
    migrations: AppliedMigrations
  }
  database: ArchiveEntry
  objects: ObjectEntry[]
  /** sha256 over the rest of the manifest (see {@link digestManifest}). */
  sha256: string
}

export const DATABASE_ENTRY = 'database.sql'
export const MANIFEST_ENTRY = 'manifest.json'

/** The archive path of an object's bytes: content-addressed, so no bucket key becomes a file path. */
export const objectPath = (store: StoreName, sha256: string): string => `objects/${store}/${sha256}`

/**
 * The digest "for the whole" archive: one sha256 over every field of the manifest but itself (the
 * versions, the database entry, every object's path, size, digest, key and stored headers).
 * Together with the per-entry digests it pins every byte and header `restore` will write.
 */
export function digestManifest(manifest: Omit<Manifest, 'sha256'>): string {
  const { sha256: _self, ...rest } = manifest as Manifest
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex')
}

/** Problems found in an archive; empty when it can be restored. Expected failures, so values. */
export type ManifestProblem = string

/**
 * Checks a parsed `manifest.json` before anything reads the entries: shape, format version, the
 * whole-archive digest, and that no two objects claim the same key of one store.
 */
export function validateManifest(value: unknown): { manifest: Manifest } | { problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = []
  if (!isRecord(value)) return { problems: ['manifest.json is not a JSON object'] }
  if (value.format !== ARCHIVE_FORMAT) problems.push('manifest.json is not a Kairo backup manifest')
  if (value.formatVersion !== ARCHIVE_FORMAT_VERSION)
    problems.push(
      `archive format ${String(value.formatVersion)} is not the one this Kairo reads (${ARCHIVE_FORMAT_VERSION})`,
    )
  const database = value.database
  if (!isEntry(database) || database.path !== DATABASE_ENTRY) problems.push('the database entry is missing')
  const objects = Array.isArray(value.objects) ? value.objects : null
  if (!objects) problems.push('the object list is missing')
  const seen = new Set<string>()
  for (const object of objects ?? []) {
    if (!isEntry(object) || !isRecord(object) || typeof object.key !== 'string') {
      problems.push('an object entry is malformed')
      break
    }
    const store = object.store as StoreName
    if (!STORE_NAMES.includes(store)) problems.push(`unknown store "${String(object.store)}"`)
    else if (object.path !== objectPath(store, object.sha256))
      problems.push(`object ${store}:${object.key} points outside its store's folder`)
    const id = `${store}\0${object.key}`
    if (seen.has(id)) problems.push(`object ${store}:${object.key} is listed twice`)
    seen.add(id)
  }
  if (!isRecord(value.versions) || !isRecord(value.versions.migrations)) problems.push('versions are missing')
  if (problems.length > 0) return { problems }
  const manifest = value as unknown as Manifest
  if (digestManifest(manifest) !== manifest.sha256)
    return { problems: ['the manifest does not match its own checksum (the archive was altered)'] }
  return { manifest }
}

/**
 * Whether the current code can take the archive's database: every migration the archive applied must
 * be one this checkout knows, or the restored schema would be ahead of the code that migrates it.
 */
export function unknownMigrations(archived: AppliedMigrations, known: AppliedMigrations): string[] {
  const app = new Set(known.app)
  const payload = new Set(known.payload)
  return [
    ...archived.app.filter((when) => !app.has(when)).map((when) => `app migration from ${isoTime(when)}`),
    ...archived.payload.filter((name) => !payload.has(name)).map((name) => `payload migration ${name}`),
  ]
}

const isoTime = (millis: number) => new Date(millis).toISOString()

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isEntry(value: unknown): value is ArchiveEntry {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(value.sha256) &&
    typeof value.bytes === 'number' &&
    Number.isSafeInteger(value.bytes) &&
    value.bytes >= 0
  )
}
