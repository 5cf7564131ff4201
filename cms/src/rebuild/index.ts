import type { Payload } from 'payload'
import type { SiteRebuildEnv } from '../env.ts'
import { debounced } from './debounced.ts'
import { deployHookRebuilder } from './deploy-hook.ts'
import { BuildJournal, failInterruptedBuilds } from './journal.ts'
import { journalBuilds, journalRequests } from './journaled.ts'
import { localRebuilder, withFastPublish } from './local.ts'
import { consoleLog, noopRebuilder, type SiteRebuilder } from './types.ts'

export { DEBOUNCE_DEFAULTS, debounced } from './debounced.ts'
export { deployHookRebuilder } from './deploy-hook.ts'
export { localRebuilder, withFastPublish } from './local.ts'
export { noopRebuilder, type SiteRebuilder } from './types.ts'

/**
 * Builds the rebuilder `SITE_REBUILD` asks for, debounced (ten saves in a minute cause one build)
 * and journaled for the admin's publish status (src/rebuild/journal.ts). `off` gives the no-op one,
 * so tests, the seed and `next build` never start builds.
 */
export function createSiteRebuilder(env: SiteRebuildEnv, paths: { siteDir: string; cmsUrl: string }) {
  const journaled = (rebuilder: SiteRebuilder, finishedByReport = false) =>
    journalRequests(debounced(journalBuilds(rebuilder, buildJournal, { finishedByReport })), buildJournal)
  switch (env.mode) {
    case 'off':
      return noopRebuilder
    case 'hook':
      // The hook only starts the build elsewhere; the deploy reports its end (README "Publish status").
      return journaled(deployHookRebuilder(env.deployHookUrl), true)
    case 'local': {
      // Published edits go live at once, before the debounced build (the site's README "Fast publish").
      const local = localRebuilder({ ...paths, devRefreshUrl: env.devRefreshUrl, fastPublish: {} })
      return withFastPublish(journaled(local), local)
    }
  }
}

const JOURNAL = Symbol.for('kairo.cms.buildJournal')
const journalSlot = globalThis as { [JOURNAL]?: BuildJournal }

/** The build history the rebuilder writes to, once the CMS has started; none while rebuilds are off. */
export const buildJournal = (): BuildJournal | undefined => journalSlot[JOURNAL]

/**
 * At the CMS's start (`onInit`), when it rebuilds the site: builds an earlier run left unfinished are
 * marked failed, then the journal starts recording. Never throws: the CMS starts without it.
 */
export async function startBuildJournal(payload: Payload, mode: SiteRebuildEnv['mode']): Promise<void> {
  if (mode === 'off' || journalSlot[JOURNAL]) return
  try {
    await failInterruptedBuilds(payload)
    journalSlot[JOURNAL] = new BuildJournal(payload, siteRebuilder().name)
  } catch (error) {
    consoleLog.warn(`the build history is off (${error instanceof Error ? error.message : error})`)
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
