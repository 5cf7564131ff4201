import rss from '@astrojs/rss'
import type { APIRoute } from 'astro'
import { siteContent } from '../lib/content.ts'

/** `rss.xml`: the published case studies, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const content = await siteContent()
  const name = content.settings.siteName || 'Kairo'
  return rss({
    title: `${name}: work`,
    description: content.settings.seoDefaults?.description || `Case studies from ${name}.`,
    site: site ?? 'http://localhost:4321',
    items: content.caseStudies.map(({ data }) => ({
      title: data.title,
      description: data.summary,
      link: `/work/${data.slug}/`,
      pubDate: data.createdAt ?? data.updatedAt,
    })),
  })
}
