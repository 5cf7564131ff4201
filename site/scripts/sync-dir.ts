import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

/** What {@link syncDir} changed in the target. */
export interface SyncResult {
  written: number
  unchanged: number
  removed: number
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

async function sameBytes(a: Buffer, file: string): Promise<boolean> {
  try {
    if ((await stat(file)).size !== a.length) return false
    return a.equals(await readFile(file))
  } catch {
    return false
  }
}

/**
 * Makes `target` hold exactly the files of `source`, touching only what differs: changed and new
 * files are written, then files `source` lacks are deleted, then emptied folders. The target folder
 * itself is never removed, so a server watching it (`wrangler dev`) keeps serving throughout.
 *
 * Note: files are written in place, not written aside and renamed over: `wrangler dev` kept serving
 * the old ETag for a file replaced by a rename, so browsers revalidated into the old page.
 */
export async function syncDir(source: string, target: string): Promise<SyncResult> {
  const wanted = await filesUnder(source)
  await mkdir(target, { recursive: true })
  const present = new Set(await filesUnder(target))
  const result: SyncResult = { written: 0, unchanged: 0, removed: 0 }
  for (const file of wanted) {
    const bytes = await readFile(join(source, file))
    const destination = join(target, file)
    if (present.has(file) && (await sameBytes(bytes, destination))) {
      result.unchanged++
      continue
    }
    await mkdir(dirname(destination), { recursive: true })
    await writeFile(destination, bytes)
    result.written++
  }
  const keep = new Set(wanted)
  for (const file of present) {
    if (keep.has(file)) continue
    await rm(join(target, file), { force: true })
    result.removed++
  }
  await removeEmptyFolders(target, target)
  return result
}

async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) await removeEmptyFolders(join(folder, entry.name), root)
  }
  if (folder !== root && (await readdir(folder)).length === 0) await rmdir(folder)
}
