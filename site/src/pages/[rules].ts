import { getCollection } from 'astro:content'
import type { APIRoute, GetStaticPaths } from 'astro'
import { customHref, linkHref, siteContent } from '../lib/content.ts'
import { redirectsFile } from '../lib/redirects.ts'

// Astro skips page files whose names start with `_`, so the static host's rule file is built through
// a parameter: this route builds exactly one file, `/_redirects`.
export const getStaticPaths = (() => [{ params: { rules: '_redirects' } }]) satisfies GetStaticPaths

/**
 * `_redirects` from the CMS's redirects: a target that is a document of the site becomes its page's
 * path (and disappears with it, if it is not published); a custom target is kept as the CMS
 * validated it.
 */
export const GET: APIRoute = async () => {
  const site = await siteContent()
  const rules = (await getCollection('redirects')).map(({ data }) => ({
    from: data.from,
    to: (data.to.type === 'custom' ? customHref(data.to.url) : linkHref(site, data.to)) ?? '',
    status: data.statusCode,
  }))
  return new Response(redirectsFile(rules), { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
