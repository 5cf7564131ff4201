import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

const CARD_FILE = /^[0-9a-f]{32}\.png$/
/** A half-written card (render.ts writes `<key>.png.<pid>.tmp`, then renames it). */
const PARTIAL_FILE = /^[0-9a-f]{32}\.png\.\d+\.tmp$/
/** A partial file this old belongs to a build that was killed, not to one still writing it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000

const digest = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function pngsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((e) => e.isFile() && e.name.endsWith('.png')).map((e) => join(e.parentPath, e.name))
}

/**
 * After a successful build, removes the cached cards (`cacheDir`, render.ts) that the build did not
 * use, so the cache holds exactly the cards of the current site instead of every card any build
 * ever rendered (each edit of a title or summary, each deleted page, each layout change left one
 * behind). "Used" means the build wrote the same bytes into `builtDir` (its `og/` folder): the
 * cache key cannot be recovered from a card, but its content can be matched, and that needs no
 * bookkeeping shared between Astro's render step and this hook. Reading the cache costs about as
 * much as the build's own cache hits (one read a card).
 *
 * Not pruned: anything when `builtDir` has no cards (a build without the endpoint must not empty
 * the cache), and files that are not cards. Another build running at the same time with other
 * content may lose its newest cards here; it renders them again next time.
 */
export async function pruneCardCache(
  cacheDir: string,
  builtDir: string,
  now = Date.now(),
): Promise<{ kept: number; removed: number }> {
  const built = await pngsUnder(builtDir)
  if (built.length === 0) return { kept: 0, removed: 0 }
  const used = new Set(await Promise.all(built.map(async (file) => digest(await readFile(file)))))
  let kept = 0
  let removed = 0
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const file = join(cacheDir, name)
    if (CARD_FILE.test(name)) {
      if (used.has(digest(await readFile(file)))) {
        kept++
        continue
      }
    } else if (!PARTIAL_FILE.test(name) || now - (await stat(file)).mtimeMs < STALE_PARTIAL_MS) continue
    await rm(file, { force: true })
    removed++
  }
  return { kept, removed }
}
