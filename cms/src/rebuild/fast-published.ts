import type { PublishedEdit } from './types.ts'

// On globalThis under a registered symbol, as the rebuilder is (src/rebuild/index.ts): Next bundles
// the hooks and the status endpoint into different route bundles.
const KEY = Symbol.for('kairo.cms.fastPublished')
const slot = globalThis as { [KEY]?: Map<string, string> }
slot[KEY] ??= new Map<string, string>()
const published = slot[KEY]

const keyOf = (collection: string, id: string | number) => `${collection}:${id}`

/** Notes that the fast publisher put this document's pages on the site (src/rebuild/local.ts). */
export function recordFastPublish(edit: PublishedEdit, at: Date = new Date()): void {
  published.set(keyOf(edit.collection, edit.id), at.toISOString())
}

/**
 * When the fast publisher last put this document's pages on the site, in this CMS process; the
 * publish status shows it while the full build that follows is queued or running. Kept in memory
 * only: after a restart, the builds' own history says what is live.
 */
export function fastPublishedAt(collection: string, id: string | number): string | undefined {
  return published.get(keyOf(collection, id))
}
