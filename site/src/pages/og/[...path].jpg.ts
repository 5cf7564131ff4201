import { cacheDir, site as siteUrl, srcDir } from 'astro:config/server'
import { fileURLToPath } from 'node:url'
import type { APIRoute, GetStaticPaths } from 'astro'
import { siteContent } from '../../lib/content.ts'
import { buildCards, cardOutputFile } from '../../lib/og/build-cards.ts'
import { startedEarly } from '../../lib/og/early-cards.ts'
import type { CardText } from '../../lib/og/layout.ts'
import { cardHost, renderedCards } from '../../lib/og/pages.ts'
import { CARD_CACHE, CARD_TYPE, cardFile, cardImage, openCardCache } from '../../lib/og/render.ts'
import { renderCardsAhead } from '../../lib/og/render-ahead.ts'

// Rendered cards live in Astro's cache folder (beside the media cache), keyed by their inputs; the
// og-cards integration removes those a finished build did not use.
const cardCache = () =>
  openCardCache(fileURLToPath(new URL(CARD_CACHE, cacheDir)), new URL('lib/og/', srcDir))
// Run by Node from the sources, not bundled: a worker thread needs a file of its own.
const RENDER_THREAD = new URL('lib/og/render-thread.ts', srcDir)

/**
 * One card per routable page whose document has no editor's SEO image, and the default card.
 *
 * In a build the route lists no paths: it hands its cards to src/integrations/og-cards.ts, which
 * writes them into the output once the pages are rendered (a card is a file of the card cache, drawn
 * by worker threads since the build's start), and, when that early start failed, starts the cards
 * the cache lacks itself (render-ahead.ts). Rendered as Astro paths, one after the other on Astro's one thread, 10,000
 * cards cost 28 s of that thread even when every card was cached. Without that integration
 * (`astro dev`) each card is a path, drawn when it is asked for.
 */
export const getStaticPaths = (async () => {
  const site = await siteContent()
  const cards = renderedCards(site, cardHost(siteUrl))
  const listed = buildCards()
  if (!listed) return cards.map(({ card, text }) => ({ params: { path: card.key }, props: { text } }))
  const cache = await cardCache()
  listed.clear()
  for (const { card, text } of cards)
    listed.set(cardOutputFile(card.key, CARD_TYPE.extension), { text, cached: cardFile(text, cache) })
  if (!(await startedEarly()))
    await renderCardsAhead(
      cards.map(({ text }) => text),
      cache,
      RENDER_THREAD,
    )
  return []
}) satisfies GetStaticPaths

interface Props {
  text: CardText
}

/** `/og/<page>.jpg` in `astro dev`: the page's 1200×630 Open Graph card. */
export const GET: APIRoute<Props> = async ({ props }) => {
  const { image } = await cardImage(props.text, await cardCache())
  return new Response(new Uint8Array(image), { headers: { 'content-type': CARD_TYPE.mime } })
}
