import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { siteContent } from '../lib/content.ts'

/** How many case studies the feed carries: a reader polls it, and 10,000 items would be megabytes. */
const FEED_ITEMS = 50

/** `rss.xml`: the latest published case studies, newest first (the work's order). */
export const GET: APIRoute = async ({ site }) => {
  const content = await siteContent()
  const name = content.settings.siteName || 'Kairo'
  return rss({
    title: `${name}: work`,
    description: content.settings.seoDefaults?.description || `Case studies from ${name}.`,
    site: site ?? 'http://localhost:4321',
    items: content.caseStudies.slice(0, FEED_ITEMS).map(({ data }) => ({
      title: data.title,
      description: data.summary,
      link: `/work/${data.slug}/`,
      pubDate: data.createdAt ?? data.updatedAt,
    })),
  })
}
