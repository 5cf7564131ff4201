import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { FACTS_CACHE } from '../lib/built-file-facts.ts'
import { pruneCardCache } from '../lib/og/prune.ts'
import { CARD_CACHE } from '../lib/og/render.ts'

/**
 * After a successful build, removes the Open Graph cards in Astro's cache that the build did not
 * use (src/lib/og/prune.ts), so the cache stays the size of the site. A failed build prunes nothing.
 */
export function ogCardCache(): AstroIntegration {
  let cache: string
  let factsDir: string
  return {
    name: 'kairo:og-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = fileURLToPath(new URL(CARD_CACHE, config.cacheDir))
        factsDir = fileURLToPath(new URL(FACTS_CACHE, config.cacheDir))
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { kept, removed } = await pruneCardCache(
          cache,
          join(fileURLToPath(dir), 'og'),
          Date.now(),
          factsDir,
        )
        logger.info(`og cards cache: ${kept} kept, ${removed} unused removed`)
      },
    },
  }
}
