import type { APIRoute } from 'astro'

/** `robots.txt`: everything may be crawled except the Worker's private routes; points at the sitemap. */
export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL('/sitemap-index.xml', site).href
  const body = [
    'User-agent: *',
    'Disallow: /dashboard',
    'Disallow: /api/',
    'Allow: /',
    '',
    `Sitemap: ${sitemap}`,
    '',
  ]
  return new Response(body.join('\n'), { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
