import type { AssetFetcher } from './index-cache.ts'

/** The site's search page (site/src/pages/search/index.astro), which the Worker fills. */
export const PAGE_PATH = '/search/'

/** What goes into the page. Text is escaped here; `resultsHtml` is markup already escaped. */
export interface PageFill {
  /** Put back in the search box. */
  query: string
  /** The count or a message, in the status region that screen readers announce. */
  status: string
  resultsHtml: string
  /**
   * The response's CSP nonce. The Worker's policy allows inline `<script>` and `<style>` only with
   * it (middleware/security-headers), so the page's own (its script, Astro's inlined styles) carry it.
   */
  nonce: string | undefined
}

/** The site's search page from `assets`, or null when it is missing from the build. */
export async function fetchSearchPage(assets: AssetFetcher, origin: string): Promise<Response | null> {
  const response = await assets.fetch(new URL(PAGE_PATH, origin).href)
  if (response.ok) return response
  await response.body?.cancel()
  return null
}

/**
 * The page with the query, status and results filled in, streamed through HTMLRewriter: the page's
 * markers (`data-search-input`, `-status`, `-results`) are the contract with the site.
 */
export function fillSearchPage(page: Response, fill: PageFill): Response {
  const rewriter = new HTMLRewriter()
    .on('[data-search-input]', {
      element: (input) => void input.setAttribute('value', fill.query),
    })
    .on('[data-search-status]', {
      element: (status) => void status.setInnerContent(fill.status, { html: false }),
    })
    .on('[data-search-results]', {
      element: (results) => void results.setInnerContent(fill.resultsHtml, { html: true }),
    })
    // The tab's title says what the page shows: "3 results for “orbit” · Search · Kairo".
    .on('title', {
      element: (title) => void (fill.status && title.prepend(`${fill.status} · `, { html: false })),
    })
  const { nonce } = fill
  if (nonce)
    rewriter.on('script:not([src]), style', {
      element: (element) => void element.setAttribute('nonce', nonce),
    })
  return rewriter.transform(page)
}
