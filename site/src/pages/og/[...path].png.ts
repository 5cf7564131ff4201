import { cacheDir, site as siteUrl, srcDir } from 'astro:config/server'
import { fileURLToPath } from 'node:url'
import type { APIRoute, GetStaticPaths } from 'astro'
import { ogCardKey } from '../../lib/cache-keys.ts'
import { siteContent } from '../../lib/content.ts'
import type { CardText } from '../../lib/og/layout.ts'
import { defaultCard, type OgCard, ogCards } from '../../lib/og/pages.ts'
import { CARD_CACHE, cardPng } from '../../lib/og/render.ts'
import { renderCardsAhead } from '../../lib/og/render-ahead.ts'

// Rendered cards live in Astro's cache folder (beside the media cache), keyed by their inputs; the
// og-cache integration removes those a finished build did not use.
const CARD_CACHE_DIR = fileURLToPath(new URL(CARD_CACHE, cacheDir))
// Run by Node from the sources, not bundled: a worker thread needs a file of its own.
const RENDER_THREAD = new URL('lib/og/render-thread.ts', srcDir)

const cardText = (card: OgCard, studio: string): CardText => ({
  studio,
  eyebrow: card.eyebrow,
  title: card.title,
  summary: card.summary,
  host: siteUrl ? new URL(siteUrl).host : '',
})

/**
 * One card per routable page whose document has no editor's SEO image, and the default card. The
 * cards the cache lacks start rendering now, on every core (render-ahead.ts); `cacheKey` lets an
 * incremental build skip a card whose text is unchanged (src/lib/cache-keys.ts).
 */
export const getStaticPaths = (async () => {
  const site = await siteContent()
  const studio = site.settings.siteName || 'Kairo'
  const cards = [...[...ogCards(site).values()].filter((card) => !card.editorImage), defaultCard(site)]
  // In `astro dev` a card is drawn when it is asked for, not every card at the first request.
  if (!import.meta.env.DEV)
    await renderCardsAhead(
      cards.map((card) => cardText(card, studio)),
      CARD_CACHE_DIR,
      RENDER_THREAD,
    )
  return cards.map((card) => ({
    params: { path: card.key },
    props: { card },
    cacheKey: ogCardKey(card, studio),
  }))
}) satisfies GetStaticPaths

interface Props {
  card: OgCard
}

/** `/og/<page>.png`: the page's 1200×630 Open Graph card, rendered at build time. */
export const GET: APIRoute<Props> = async ({ props }) => {
  const content = await siteContent()
  const { png } = await cardPng(cardText(props.card, content.settings.siteName || 'Kairo'), CARD_CACHE_DIR)
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } })
}
