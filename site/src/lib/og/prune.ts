import { readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'

/** A card: `<key>.jpg`, or `<key>.png` as cards were before they were JPEG (never used again). */
const CARD_FILE = /^[0-9a-f]{32}\.(jpg|png)$/
/** A half-written card (render.ts writes `<key>.jpg.<pid>.<thread>.tmp`, then renames it). */
const PARTIAL_FILE = /^[0-9a-f]{32}\.(jpg|png)\.\d+(\.\d+)?\.tmp$/
/** A partial file this old belongs to a build that was killed, not to one still writing it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000

/**
 * After a successful build, removes the cached cards (`cacheDir`, render.ts) that the build did not
 * use, so the cache holds exactly the cards of the current site instead of every card any build
 * ever rendered (each edit of a title or summary, each deleted page, each layout change left one
 * behind). `used` are the cache files of the build's cards (src/integrations/og-cards.ts knows them
 * all: it writes every card into the build). Not pruned: anything when the build used no card (a
 * build without cards must not empty the cache), files that are not cards, and a partial file
 * younger than an hour (another build may be writing it). Another build running at the same time
 * with other content may lose its newest cards here; it renders them again next time.
 */
export async function pruneCardCache(
  cacheDir: string,
  used: ReadonlySet<string>,
  now = Date.now(),
): Promise<{ kept: number; removed: number }> {
  if (used.size === 0) return { kept: 0, removed: 0 }
  const usedNames = new Set([...used].map((file) => basename(file)))
  let kept = 0
  let removed = 0
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const file = join(cacheDir, name)
    if (CARD_FILE.test(name)) {
      if (usedNames.has(name)) {
        kept++
        continue
      }
    } else if (!PARTIAL_FILE.test(name) || now - (await stat(file)).mtimeMs < STALE_PARTIAL_MS) continue
    await rm(file, { force: true })
    removed++
  }
  return { kept, removed }
}
