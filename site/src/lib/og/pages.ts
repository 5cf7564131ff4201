import { LISTING_PAGES } from '../listing-pages.ts'
import { mediaId } from '../media.ts'
import { listingOf } from '../pagination.ts'
import type { SiteContent } from '../site-content.ts'
import { CARD_HEIGHT, CARD_WIDTH, type CardText } from './layout.ts'

/** The image a page's `og:image` names: a generated card or an editor's media. */
export interface OgImage {
  /** Site-relative URL (`/og/work/orbital-labs.jpg`, `/media/<hash>.jpg`). */
  src: string
  width: number
  height: number
  alt: string
}

/** One generated card: the page it belongs to and the text it shows. */
export interface OgCard {
  /** The endpoint's `path` parameter: the card is built at `/og/<key>.jpg`. */
  key: string
  eyebrow: string
  title: string
  summary: string
  /** The editor's SEO image (`meta.image`) for the page; when set, no card is built for it. */
  editorImage?: OgImage | undefined
}

/** The card for pages without their own (404, the thank-you state, anything new). */
export const DEFAULT_CARD_KEY = 'default'

export const cardSrc = (key: string) => `/og/${key}.jpg`

/** The `og` size of a media relation (else its largest size), or undefined when it is unset. */
export function mediaOgImage(site: SiteContent, ref: unknown): OgImage | undefined {
  const id = mediaId(ref)
  const media = id === undefined ? undefined : site.media.get(id)
  const variant = media?.variants.og ?? media?.variants.feature ?? media?.variants.original
  return (
    media && variant && { src: variant.src, width: variant.width, height: variant.height, alt: media.alt }
  )
}

const cache = new WeakMap<SiteContent, Map<string, OgCard>>()

/**
 * Every routable page's card, keyed by the page's path (`/work/orbital-labs/`). The listing pages have
 * no CMS document; their text comes from src/lib/listing-pages.ts, as their headings do.
 * Built once per content load: 1,000 case studies are one pass, not one per page.
 */
export function ogCards(site: SiteContent): Map<string, OgCard> {
  const known = cache.get(site)
  if (known) return known
  const name = site.settings.siteName || 'Kairo'
  const fallback =
    site.settings.seoDefaults?.description || `${name} is a creative studio building fast, luminous websites.`
  const page = (slug: string) => site.pages.find((entry) => entry.data.slug === slug)?.data
  const home = page('home')
  const about = page('about')
  const contact = page('contact')
  const cards = new Map<string, OgCard>([
    [
      '/',
      {
        key: 'home',
        eyebrow: 'Creative studio',
        title: home?.hero?.heading || site.settings.seoDefaults?.title || name,
        summary: home?.meta?.description || home?.hero?.text || fallback,
        editorImage: mediaOgImage(site, home?.meta?.image),
      },
    ],
    [
      '/services/',
      {
        key: 'services',
        eyebrow: LISTING_PAGES.services.eyebrow,
        title: LISTING_PAGES.services.heading,
        summary: LISTING_PAGES.services.lede,
      },
    ],
    [
      '/work/',
      {
        key: 'work',
        eyebrow: LISTING_PAGES.work.eyebrow,
        title: LISTING_PAGES.work.heading,
        summary: LISTING_PAGES.work.lede,
      },
    ],
    [
      '/about/',
      {
        key: 'about',
        eyebrow: 'About',
        title: about?.hero?.heading || about?.title || 'About the studio',
        summary: about?.meta?.description || about?.hero?.text || fallback,
        editorImage: mediaOgImage(site, about?.meta?.image),
      },
    ],
    [
      '/contact/',
      {
        key: 'contact',
        eyebrow: LISTING_PAGES.contact.eyebrow,
        title: LISTING_PAGES.contact.heading,
        summary: LISTING_PAGES.contact.lede,
        editorImage: mediaOgImage(site, contact?.meta?.image),
      },
    ],
  ])
  for (const { data } of site.services)
    cards.set(`/services/${data.slug}/`, {
      key: `services/${data.slug}`,
      eyebrow: 'Service',
      title: data.title,
      summary: data.summary || data.meta?.description || fallback,
      editorImage: mediaOgImage(site, data.meta?.image),
    })
  for (const { data } of site.caseStudies)
    cards.set(`/work/${data.slug}/`, {
      key: `work/${data.slug}`,
      eyebrow: ['Case study', data.clientName, data.year].filter(Boolean).join(' · '),
      title: data.title,
      summary: data.summary || data.meta?.description || fallback,
      editorImage: mediaOgImage(site, data.meta?.image),
    })
  // Every other page at its URL (src/lib/page-paths.ts); the fixed ones have their cards above.
  for (const { data } of site.pages) {
    const path = site.pagePaths.get(String(data.id))
    if (path === undefined || cards.has(path)) continue
    cards.set(path, {
      key: path.slice(1, -1),
      eyebrow: name,
      title: data.hero?.heading || data.title,
      summary: data.meta?.description || data.hero?.text || fallback,
      editorImage: mediaOgImage(site, data.meta?.image),
    })
  }
  cache.set(site, cards)
  return cards
}

/** The default card's text: the studio itself. */
export function defaultCard(site: SiteContent): OgCard {
  const name = site.settings.siteName || 'Kairo'
  return {
    key: DEFAULT_CARD_KEY,
    eyebrow: 'Creative studio',
    title: site.settings.seoDefaults?.title || name,
    summary:
      site.settings.seoDefaults?.description ||
      `${name} is a creative studio building fast, luminous websites.`,
  }
}

/**
 * The Open Graph image of the page at `pathname`: the editor's SEO image when the page's document has
 * one, else the page's generated card. A page without a card (404, the thank-you state) uses the
 * image its layout was given, else the SEO default image from the site settings, else the default card.
 */
export function ogImageFor(site: SiteContent, pathname: string, pageImage?: unknown): OgImage {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`
  const name = site.settings.siteName || 'Kairo'
  // A listing's later pages (`/work/page/2/`) share its card.
  const card = ogCards(site).get(path) ?? ogCards(site).get(listingOf(path))
  if (card)
    return (
      card.editorImage ?? {
        src: cardSrc(card.key),
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        alt: `${name}: ${card.title}`,
      }
    )
  const fallback = mediaOgImage(site, pageImage) ?? mediaOgImage(site, site.settings.seoDefaults?.image)
  return (
    fallback ?? {
      src: cardSrc(DEFAULT_CARD_KEY),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt: `${name}: ${defaultCard(site).title}`,
    }
  )
}

/** The text a card shows: the page's, with the studio's name and the site's host. */
export const cardText = (card: OgCard, studio: string, host: string): CardText => ({
  studio,
  eyebrow: card.eyebrow,
  title: card.title,
  summary: card.summary,
  host,
})

/**
 * The cards a build renders: one per routable page whose document has no editor's SEO image, and
 * the default card, each with its text. `host` is the site's (`kairo.studio`), or '' without a site URL.
 */
export function renderedCards(site: SiteContent, host: string): Array<{ card: OgCard; text: CardText }> {
  const studio = site.settings.siteName || 'Kairo'
  return [...[...ogCards(site).values()].filter((card) => !card.editorImage), defaultCard(site)].map(
    (card) => ({
      card,
      text: cardText(card, studio, host),
    }),
  )
}

/** The host a card names: the site URL's, or '' when the build has none. */
export const cardHost = (siteUrl: string | undefined) => (siteUrl ? new URL(siteUrl).host : '')
