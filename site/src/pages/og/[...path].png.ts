import { cacheDir } from 'astro:config/server'
import { fileURLToPath } from 'node:url'
import type { APIRoute, GetStaticPaths } from 'astro'
import { siteContent } from '../../lib/content.ts'
import { defaultCard, type OgCard, ogCards } from '../../lib/og/pages.ts'
import { CARD_CACHE, cardPng } from '../../lib/og/render.ts'

// Rendered cards live in Astro's cache folder (beside the media cache), keyed by their inputs; the
// og-cache integration removes those a finished build did not use.
const CARD_CACHE_DIR = fileURLToPath(new URL(CARD_CACHE, cacheDir))

/** One card per routable page whose document has no editor's SEO image, and the default card. */
export const getStaticPaths = (async () => {
  const site = await siteContent()
  const cards = [...ogCards(site).values()].filter((card) => !card.editorImage)
  return [...cards, defaultCard(site)].map((card) => ({ params: { path: card.key }, props: { card } }))
}) satisfies GetStaticPaths

interface Props {
  card: OgCard
}

/** `/og/<page>.png`: the page's 1200×630 Open Graph card, rendered at build time. */
export const GET: APIRoute<Props> = async ({ props, site }) => {
  const content = await siteContent()
  const { eyebrow, title, summary } = props.card
  const { png } = await cardPng(
    { studio: content.settings.siteName || 'Kairo', eyebrow, title, summary, host: site?.host ?? '' },
    CARD_CACHE_DIR,
  )
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } })
}
