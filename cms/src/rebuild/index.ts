import type { SiteRebuildEnv } from '../env.ts'
import { debounced } from './debounced.ts'
import { deployHookRebuilder } from './deploy-hook.ts'
import { localRebuilder } from './local.ts'
import { noopRebuilder, type SiteRebuilder } from './types.ts'

export { DEBOUNCE_DEFAULTS, debounced } from './debounced.ts'
export { deployHookRebuilder } from './deploy-hook.ts'
export { localRebuilder } from './local.ts'
export { noopRebuilder, type SiteRebuilder } from './types.ts'

/**
 * Builds the rebuilder `SITE_REBUILD` asks for, debounced (ten saves in a minute cause one build).
 * `off` gives the no-op one, so tests, the seed and `next build` never start builds.
 */
export function createSiteRebuilder(env: SiteRebuildEnv, paths: { siteDir: string; cmsUrl: string }) {
  switch (env.mode) {
    case 'off':
      return noopRebuilder
    case 'hook':
      return debounced(deployHookRebuilder(env.deployHookUrl))
    case 'local':
      return debounced(localRebuilder({ ...paths, devRefreshUrl: env.devRefreshUrl }))
  }
}

// Note: kept on globalThis, not in a module variable: Next bundles the Payload config into several
// route bundles (and re-evaluates it on HMR), and two local rebuilders would run builds side by side.
const KEY = Symbol.for('kairo.cms.siteRebuilder')
const slot = globalThis as { [KEY]?: SiteRebuilder }

/** Installs the process's rebuilder once; later calls (another bundle, a hot reload) keep the first. */
export function installSiteRebuilder(create: () => SiteRebuilder): void {
  slot[KEY] ??= create()
}

/** The rebuilder the hooks ask; the no-op one until `installSiteRebuilder` ran. */
export function siteRebuilder(): SiteRebuilder {
  return slot[KEY] ?? noopRebuilder
}

/** Tests only: swaps in a rebuilder (a recorder) and returns a function that puts the old one back. */
export function replaceSiteRebuilderForTests(rebuilder: SiteRebuilder): () => void {
  const previous = slot[KEY]
  slot[KEY] = rebuilder
  return () => {
    slot[KEY] = previous
  }
}
