import node from '@astrojs/node'
import type { AstroIntegration } from 'astro'
import config from './astro.config.ts'
import { fastPublishRenderer } from './src/integrations/fast-publish-renderer.ts'

/** What the pages need at render time: React for the islands' markup, the islands' client directive. */
const RENDERING = new Set(['@astrojs/react', 'kairo:islands'])

/**
 * The fast publisher's render bundle (README "Fast publish"): the same site, every route rendered on
 * demand, with content the fast publisher pins (src/fast-publish/), served to nobody: only
 * scripts/fast-publish.ts runs it, in its own process, on loopback. Built by scripts/render-bundle.ts
 * into its own folders, without reading the CMS (`SITE_CONTENT_OFFLINE=1`, an empty store) and
 * without the integrations that write the public build's files, caches and headers.
 */
export default {
  ...config,
  output: 'server',
  outDir: process.env.SITE_RENDER_BUNDLE_DIR || './node_modules/.kairo-render/bundle',
  cacheDir: process.env.SITE_RENDER_CACHE_DIR || './node_modules/.kairo-render/cache',
  adapter: node({ mode: 'middleware' }),
  integrations: [
    ...(config.integrations as AstroIntegration[]).filter(({ name }) => RENDERING.has(name)),
    fastPublishRenderer(),
  ],
}
