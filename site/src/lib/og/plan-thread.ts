import { parentPort, workerData } from 'node:worker_threads'
import { readStoreSnapshot } from '../../fast-publish/store-snapshot.ts'
import { siteContentFrom } from '../site-content.ts'
import { cardHost, renderedCards } from './pages.ts'
import { openCardCache } from './render.ts'
import { missingCards } from './render-ahead.ts'

/** What the planner is given: the content store Astro has just synced, the card cache and the site. */
export interface PlanInput {
  storeFile: string
  cacheDir: string
  /** `src/lib/og/` (its sources are the cards' design). */
  ogDir: string
  site: string | undefined
}

/**
 * The Open Graph cards' planner thread (src/lib/og/early-cards.ts starts one per build): reads the
 * content store, lists the build's cards and answers `{ missing, total }`, the cards the cache lacks,
 * or `{ error }`. In a thread because reading 10,000 entries' store and checking 10,000 files took
 * Astro's thread about 1.4 s on every build, a warm one included.
 *
 * Note: Node runs this file as it is (type stripping), outside Vite's bundle.
 */
async function plan({ storeFile, cacheDir, ogDir, site }: PlanInput) {
  const content = siteContentFrom(await readStoreSnapshot(storeFile))
  const texts = renderedCards(content, cardHost(site)).map(({ text }) => text)
  const missing = await missingCards(texts, await openCardCache(cacheDir, new URL(ogDir)))
  return { missing, total: texts.length }
}

plan(workerData as PlanInput).then(
  (answer) => parentPort?.postMessage(answer),
  (error: unknown) =>
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
)
