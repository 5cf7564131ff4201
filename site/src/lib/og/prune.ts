import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { builtFileFacts } from '../built-file-facts.ts'

const CARD_FILE = /^[0-9a-f]{32}\.png$/
/** A half-written card (render.ts writes `<key>.png.<pid>.<thread>.tmp`, then renames it). */
const PARTIAL_FILE = /^[0-9a-f]{32}\.png\.\d+(\.\d+)?\.tmp$/
/** A partial file this old belongs to a build that was killed, not to one still writing it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * The digest of every PNG under `dir`, by path relative to it. With `factsDir`, kept there between
 * builds and read again only for files whose size or mtime changed (src/lib/built-file-facts.ts):
 * 10,000 cards are 10,000 reads otherwise.
 */
async function pngDigests(
  dir: string,
  factsDir: string | undefined,
  name: string,
): Promise<Map<string, string>> {
  const include = (file: string) => file.endsWith('.png')
  if (factsDir)
    return builtFileFacts({ outDir: dir, cacheFile: join(factsDir, name), include, read: digest }).catch(
      () => new Map(),
    )
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const files = entries.filter((e) => e.isFile() && include(e.name)).map((e) => join(e.parentPath, e.name))
  return new Map(await Promise.all(files.map(async (file) => [file, digest(await readFile(file))] as const)))
}

/**
 * After a successful build, removes the cached cards (`cacheDir`, render.ts) that the build did not
 * use, so the cache holds exactly the cards of the current site instead of every card any build
 * ever rendered (each edit of a title or summary, each deleted page, each layout change left one
 * behind). "Used" means the build wrote the same bytes into `builtDir` (its `og/` folder): the
 * cache key cannot be recovered from a card, but its content can be matched, and that needs no
 * bookkeeping shared between Astro's render step and this hook. With `factsDir` the digests of
 * files unchanged since the last build are remembered, so a rebuild reads only the cards it wrote.
 *
 * Not pruned: anything when `builtDir` has no cards (a build without the endpoint must not empty
 * the cache), and files that are not cards. Another build running at the same time with other
 * content may lose its newest cards here; it renders them again next time.
 */
export async function pruneCardCache(
  cacheDir: string,
  builtDir: string,
  now = Date.now(),
  factsDir?: string,
): Promise<{ kept: number; removed: number }> {
  const built = await pngDigests(builtDir, factsDir, 'og-built.json')
  if (built.size === 0) return { kept: 0, removed: 0 }
  const used = new Set(built.values())
  const cached = await pngDigests(cacheDir, factsDir, 'og-cache.json')
  let kept = 0
  let removed = 0
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const file = join(cacheDir, name)
    if (CARD_FILE.test(name)) {
      const known = factsDir ? cached.get(name) : cached.get(file)
      if (used.has(known ?? digest(await readFile(file)))) {
        kept++
        continue
      }
    } else if (!PARTIAL_FILE.test(name) || now - (await stat(file)).mtimeMs < STALE_PARTIAL_MS) continue
    await rm(file, { force: true })
    removed++
  }
  return { kept, removed }
}
