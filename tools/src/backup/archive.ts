import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import * as tar from 'tar'
import { UserFacingError } from '../log.ts'
import { type ArchiveEntry, MANIFEST_ENTRY, type Manifest, validateManifest } from './manifest.ts'

/** sha256 and size of a file, streamed (objects can be large models). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** The checksum file beside an archive, in `sha256sum` format so `sha256sum -c` checks it too. */
export const checksumFile = (archive: string): string => `${archive}.sha256`

/**
 * Packs the staged folder (manifest first, then the dump and the objects) into one tar.gz at `out`.
 * Written under a temporary name and renamed at the end, so a failed backup never leaves a file
 * that looks like a finished archive. Returns the archive's own sha256, also written beside it.
 */
export async function writeArchive(staging: string, manifest: Manifest, out: string): Promise<string> {
  await writeFile(join(staging, MANIFEST_ENTRY), `${JSON.stringify(manifest, null, 2)}\n`)
  const partial = `${out}.partial`
  const entries = [
    MANIFEST_ENTRY,
    manifest.database.path,
    ...(existsSync(join(staging, 'objects')) ? ['objects'] : []),
  ]
  try {
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, entries)
    const { sha256 } = await hashFile(partial)
    await rename(partial, out)
    await writeFile(checksumFile(out), `${sha256}  ${basename(out)}\n`)
    return sha256
  } finally {
    await rm(partial, { force: true })
  }
}

/**
 * Unpacks an archive into `into` and checks everything before a byte is restored: the archive's own
 * checksum (when its `.sha256` file is beside it), the manifest's checksum, each entry's size and
 * sha256, and that the archive holds nothing the manifest does not list. Any mismatch is one
 * `UserFacingError`; the caller has changed nothing yet.
 */
export async function openArchive(archive: string, into: string): Promise<Manifest> {
  const damaged = (why: string) =>
    new UserFacingError(`${archive} cannot be restored: ${why}. Nothing was changed.`)
  if (!existsSync(archive)) throw new UserFacingError(`${archive} does not exist`)
  const sidecar = checksumFile(archive)
  if (existsSync(sidecar)) {
    const expected = (await readFile(sidecar, 'utf8')).trim().split(/\s+/)[0]
    if ((await hashFile(archive)).sha256 !== expected)
      throw damaged(`its sha256 does not match ${basename(sidecar)} (damaged or altered)`)
  }
  try {
    await tar.x({
      file: archive,
      cwd: into,
      strict: true,
      // Only plain files and folders: no links, devices or absolute paths from an archive.
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    })
  } catch (error) {
    throw damaged(`it is not a readable tar.gz (${error instanceof Error ? error.message : String(error)})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(join(into, MANIFEST_ENTRY), 'utf8'))
  } catch {
    throw damaged('it has no readable manifest.json')
  }
  const checked = validateManifest(parsed)
  if ('problems' in checked) throw damaged(checked.problems.join('; '))
  const { manifest } = checked
  const listed = new Set<string>([MANIFEST_ENTRY])
  for (const entry of [manifest.database, ...manifest.objects] as ArchiveEntry[]) {
    listed.add(entry.path)
    const path = join(into, entry.path)
    if (!existsSync(path)) throw damaged(`${entry.path} is missing`)
    const actual = await hashFile(path)
    if (actual.bytes !== entry.bytes || actual.sha256 !== entry.sha256)
      throw damaged(`${entry.path} does not match its checksum`)
  }
  for (const file of await listFiles(into)) {
    if (!listed.has(file)) throw damaged(`${file} is not in the manifest`)
  }
  return manifest
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name)
    if ((await stat(path)).isFile()) files.push(relative(root, path))
  }
  return files
}
