import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { fillContactForm, leadsFrom, newVisitor } from '../contact-form.ts'
import { sitemapPaths } from '../sitemap.ts'

// No-JS parity: everything below runs in a browser with JavaScript switched off.
test.use({ javaScriptEnabled: false })

/** Same-origin link targets and image sources (src, srcset candidates, icons, og:image) on a page. */
async function pageUrls(page: Page): Promise<{ links: string[]; images: string[] }> {
  const links = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
  const images = await page.locator('img').evaluateAll((imgs) =>
    imgs.flatMap((img) => {
      const { src, srcset } = img as HTMLImageElement
      // Candidates are "url [descriptor]" separated by commas; resolve each against the page.
      const candidates = srcset
        .split(',')
        .map((c) => c.trim().split(/\s+/)[0] ?? '')
        .filter(Boolean)
      return [src, ...candidates].map((u) => new URL(u, document.baseURI).href)
    }),
  )
  const og = await page
    .locator('meta[property="og:image"]')
    .evaluateAll((m) => m.map((el) => el.getAttribute('content') ?? ''))
  const icons = await page
    .locator('link[rel~="icon"]')
    .evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href))
  const origin = new URL(page.url()).origin
  const local = (u: string) => {
    const url = new URL(u)
    url.hash = ''
    return url.origin === origin ? url.href : undefined
  }
  return {
    links: links.flatMap((u) => local(u) ?? []),
    // The og:image is absolute on the build's SITE_URL: checked on this origin by path.
    images: [
      ...[...images, ...icons].flatMap((u) => local(u) ?? []),
      ...og.map((u) => new URL(new URL(u).pathname, origin).href),
    ],
  }
}

async function expectLinkResolves(request: APIRequestContext, url: string, from: string[]) {
  const response = await request.get(url, { maxRedirects: 5 })
  expect(response.status(), `${url} (linked from ${from.join(', ')})`).toBeLessThan(400)
}

async function expectImageLoads(request: APIRequestContext, url: string, from: string[]) {
  const response = await request.get(url)
  const where = `${url} (on ${from.join(', ')})`
  expect(response.status(), where).toBe(200)
  expect(response.headers()['content-type'], where).toMatch(/^image\//)
  expect((await response.body()).length, where).toBeGreaterThan(0)
}

test('without JavaScript, every page in the sitemap loads with no broken link or image', async ({
  page,
  request,
}) => {
  const paths = await sitemapPaths(request)
  expect(paths).toEqual(
    expect.arrayContaining(['/', '/services/', '/work/', '/about/', '/about/process/', '/contact/']),
  )

  // Any request the pages make themselves (stylesheets, images) that fails or answers an error.
  const broken: string[] = []
  page.on('requestfailed', (r) => {
    // ERR_ABORTED: the browser dropped it because the crawl moved on (a late favicon fetch).
    const error = r.failure()?.errorText ?? ''
    if (error !== 'net::ERR_ABORTED') broken.push(`${r.url()} failed: ${error}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) broken.push(`${r.url()} answered ${r.status()}`)
  })

  const links = new Map<string, string[]>()
  const images = new Map<string, string[]>()
  const note = (map: Map<string, string[]>, url: string, from: string) =>
    map.set(url, [...(map.get(url) ?? []), from])
  for (const path of paths) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expect(page.locator('h1'), path).toHaveCount(1)
    // Scrolled through, so lazy images load as a reader would see them.
    await page.keyboard.press('End')
    const found = await pageUrls(page)
    for (const url of found.links) note(links, url, path)
    for (const url of found.images) note(images, url, path)
  }
  expect(broken).toEqual([])

  // Each distinct target once; a link to a page the sitemap also lists was just visited, but its
  // exact URL (query string, missing slash) is still requested as written.
  for (const [url, from] of links) await expectLinkResolves(request, url, from)
  for (const [url, from] of images) await expectImageLoads(request, url, from)
  expect(links.size).toBeGreaterThan(0)
  expect(images.size).toBeGreaterThan(0)
})

test('without JavaScript, the contact form found through the sitemap stores exactly one lead', async ({
  page,
  request,
}) => {
  expect(await sitemapPaths(request)).toContain('/contact/')
  const before = await leadsFrom()
  const visitor = newVisitor()
  await page.goto('/contact/')
  await fillContactForm(page, visitor)
  await page.getByRole('button', { name: 'Send message' }).click()

  await expect(page).toHaveURL(/\/contact\/thanks\/?$/)
  await expect(page.locator('h1')).toHaveCount(1)
  expect(await leadsFrom(visitor.email)).toBe(1)
  expect(await leadsFrom()).toBe(before + 1)
})
