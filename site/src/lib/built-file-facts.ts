import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'

/** Where the facts are kept, inside Astro's `cacheDir`. */
export const FACTS_CACHE = 'kairo-built-facts/'

interface Stored<T> {
  size: number
  mtimeMs: number
  facts: T
}

export interface BuiltFileFactsOptions<T> {
  /** The build's output folder. */
  outDir: string
  /** A JSON file (in Astro's `cacheDir`) holding the facts of the last build, one per reader. */
  cacheFile: string
  /** Which files to read (`work/x/index.html`, relative to `outDir`). */
  include: (file: string) => boolean
  /** The facts of one file; they must depend on its bytes alone. */
  read: (bytes: Buffer, file: string) => T
}

const AT_ONCE = 256

/**
 * What the integrations that run after a build need from every page (its inline scripts' hashes, the
 * media and model files it names, ...), read again only from the files that changed: a file whose
 * size and mtime match the last build's record keeps its facts. An incremental build leaves the
 * pages it skipped untouched, so at 10,000 pages a rebuild reads the few it wrote instead of every
 * page (each hook used to read them all). Returns the facts by file (relative to `outDir`).
 */
export async function builtFileFacts<T>(options: BuiltFileFactsOptions<T>): Promise<Map<string, T>> {
  const { outDir, cacheFile, include, read } = options
  // Another output folder's record (the preview build shares the cache folder) is of no use.
  const previous: Record<string, Stored<T>> = await readFile(cacheFile, 'utf8')
    .then((text) => JSON.parse(text) as { outDir: string; files: Record<string, Stored<T>> })
    .then((stored) => (stored.outDir === outDir ? stored.files : {}))
    .catch(() => ({}))
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)))
    .filter(include)
  const next: Record<string, Stored<T>> = {}
  for (let start = 0; start < files.length; start += AT_ONCE) {
    await Promise.all(
      files.slice(start, start + AT_ONCE).map(async (file) => {
        const path = join(outDir, file)
        const { size, mtimeMs } = await stat(path)
        const known = previous[file]
        next[file] =
          known && known.size === size && known.mtimeMs === mtimeMs
            ? known
            : { size, mtimeMs, facts: read(await readFile(path), file) }
      }),
    )
  }
  await mkdir(dirname(cacheFile), { recursive: true })
  await writeFile(`${cacheFile}.tmp`, JSON.stringify({ outDir, files: next }))
  await rename(`${cacheFile}.tmp`, cacheFile)
  return new Map(Object.entries(next).map(([file, stored]) => [file, stored.facts]))
}
