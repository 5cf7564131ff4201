import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { type BuildCard, beginBuildCards, buildCards } from '../lib/og/build-cards.ts'
import { startCardsEarly } from '../lib/og/early-cards.ts'
import { pruneCardCache } from '../lib/og/prune.ts'
import { CARD_CACHE, cardsInFlight, renderCard, storeCard } from '../lib/og/render.ts'

/** What the last build wrote where, in Astro's cache folder: output file → cache file (named by its key). */
const WRITTEN = 'kairo-og-written.json'
/** Copies into the output at once: the copies are libuv's work, not this thread's. */
const COPIES_AT_ONCE = 16

/**
 * The Open Graph cards of a static build (the card route, src/pages/og/, lists them; src/lib/og/ draws
 * them):
 *
 * - **At the start** (`astro:build:start`, once the content is synced): a planner thread reads the
 *   content store Astro has just written and the cards the cache lacks start rendering in worker
 *   threads (src/lib/og/early-cards.ts), while Vite bundles the site and Astro renders the pages.
 *   When this start fails (a store it cannot read), the card route starts what is missing.
 * - **When the pages are done** (`astro:build:done`): waits for the threads, then writes each card the
 *   route listed into the output (`og/<page>.jpg`), copied from the cache. In a build in place
 *   (scripts/build.ts) a card whose file already holds the same card is left untouched, so the sync
 *   into `dist/` skips it. Then removes the cached cards the build did not use (src/lib/og/prune.ts).
 *
 * `owns` tells the stale-output integration which files are cards of this build.
 */
export function ogCards(): AstroIntegration & { owns: (file: string) => boolean } {
  let cacheDir: string
  let storeFile: string
  let writtenFile: string
  let ogDir: URL
  let site: string | undefined
  return {
    name: 'kairo:og-cards',
    owns: (file) => buildCards()?.has(file) ?? false,
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL(CARD_CACHE, config.cacheDir))
        storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir))
        writtenFile = fileURLToPath(new URL(WRITTEN, config.cacheDir))
        ogDir = new URL('lib/og/', config.srcDir)
        site = config.site
      },
      'astro:build:start': ({ logger }) => {
        beginBuildCards()
        startCardsEarly({ storeFile, cacheDir, ogDir: ogDir.href, site }, ogDir, (message) =>
          logger.info(message),
        )
      },
      'astro:build:done': async ({ dir, logger }) => {
        const cards = buildCards()
        if (!cards || cards.size === 0) return
        const outDir = fileURLToPath(dir)
        const before = await readWritten(writtenFile)
        const entries = [...cards]
        let written = 0
        for (let i = 0; i < entries.length; i += COPIES_AT_ONCE) {
          const batch = entries.slice(i, i + COPIES_AT_ONCE)
          const copied = await Promise.all(
            batch.map(([output, card]) =>
              writeCard(join(outDir, output), card, before[output] === card.cached),
            ),
          )
          written += copied.filter(Boolean).length
        }
        const record = Object.fromEntries(entries.map(([output, card]) => [output, card.cached]))
        await writeFile(writtenFile, JSON.stringify(record))
        const { removed } = await pruneCardCache(cacheDir, new Set(Object.values(record)))
        logger.info(
          `og cards: ${cards.size} in the build, ${written} written, ${cards.size - written} unchanged; ` +
            `${removed} unused removed from the cache`,
        )
      },
    },
  }
}

/** The output → cache file record of the last build, or nothing. */
async function readWritten(file: string): Promise<Record<string, string>> {
  return JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, string>
}

/**
 * Puts the cached card `cached` at `output`: nothing to do when the last build wrote the same card
 * there and it is still there. A card whose thread failed is drawn here. Answers whether it wrote.
 */
async function writeCard(output: string, card: BuildCard, sameAsLastBuild: boolean): Promise<boolean> {
  if (sameAsLastBuild && (await exists(output))) return false
  // A failed render ahead is done again here, in this thread.
  const ahead = await cardsInFlight.get(card.cached)?.then(
    () => true,
    () => false,
  )
  if (ahead === false || !(await exists(card.cached)))
    await storeCard(card.cached, await renderCard(card.text))
  await mkdir(dirname(output), { recursive: true })
  await copyFile(card.cached, output)
  return true
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  )
