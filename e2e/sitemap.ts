import type { APIRequestContext } from '@playwright/test'

const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/g

async function locs(request: APIRequestContext, url: string): Promise<string[]> {
  const response = await request.get(url)
  if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`)
  return [...(await response.text()).matchAll(LOC)].map((m) => m[1] ?? '')
}

/**
 * Every page path the site's sitemap lists, read the way a crawler does: `/sitemap-index.xml`, then
 * each sitemap file it names. Paths, not URLs, so the test follows its own origin (the sitemap's
 * origin is the build's SITE_URL).
 */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const files = await locs(request, '/sitemap-index.xml')
  if (files.length === 0) throw new Error('sitemap-index.xml lists no sitemap')
  const pages = (await Promise.all(files.map((file) => locs(request, new URL(file).pathname)))).flat()
  return [...new Set(pages.map((loc) => new URL(loc).pathname))].sort()
}
