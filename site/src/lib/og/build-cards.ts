import { processSlot } from '../process-slot.ts'
import type { CardText } from './layout.ts'

/**
 * The cards of the build in progress, as the card route lists them (`getStaticPaths()`, from the
 * build's own content): each card's file in the output (`og/work/orbital-labs.jpg`) and its file in
 * the card cache. src/integrations/og-cards.ts writes them into the output when the pages are done,
 * and the stale-output integration keeps them.
 *
 * One list per process (src/lib/process-slot.ts): the route runs in Astro's bundle and the
 * integrations in Astro's config loader, and each loads this module apart.
 */
const slot = processSlot<Map<string, BuildCard>>('kairo.og.buildCards')

/** One card of the build: its text and its file in the card cache. */
export interface BuildCard {
  text: CardText
  cached: string
}

/**
 * Starts the list for a build (the og-cards integration, at `astro:build:start`): from then on, the
 * card route hands its cards over instead of listing them as Astro paths. A build without the
 * integration (`astro dev`, the fast publisher's render bundle) never starts one, and its route lists
 * every card as a path. `import.meta.env.DEV` cannot tell: a build run under Vitest has it set.
 */
export function beginBuildCards(): Map<string, BuildCard> {
  return slot.set(new Map())
}

/** The build's cards by output file (`og/work/orbital-labs.jpg`), or undefined outside a build that writes cards. */
export function buildCards(): Map<string, BuildCard> | undefined {
  return slot.get()
}

/** The output file of the card with this key (`work/orbital-labs` → `og/work/orbital-labs.jpg`). */
export const cardOutputFile = (key: string, extension: string) => `og/${key}.${extension}`
