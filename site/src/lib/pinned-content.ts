import type { SiteContent } from './content.ts'
import { processSlot } from './process-slot.ts'

// The fast publisher (src/fast-publish/) pins content in its render bundle, whose pages import their
// own bundled copy of this module.
const slot = processSlot<SiteContent>('kairo.pinned-site-content')

/**
 * Makes every later `siteContent()` call in this process answer `content`: the fast publisher renders
 * the site as it will be after an edit, which no content store holds yet. Never set in a static
 * build or in `astro dev`.
 */
export function pinSiteContent(content: SiteContent): void {
  slot.set(content)
}

/** The pinned content, or undefined (always, outside the fast publisher's render bundle). */
export function pinnedSiteContent(): SiteContent | undefined {
  return slot.get()
}
