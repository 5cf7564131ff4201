import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test'
import { contrast, describeViolations, focusIndicator, WCAG_TAGS } from '../accessibility.ts'
import { sitemapPaths } from '../sitemap.ts'
import { testUrls } from '../system.ts'

type Where = string | ((paths: string[]) => string | undefined)

/** One page of each type; the service and case study are the sitemap's first of their kind. */
const PAGE_TYPES: [name: string, where: Where][] = [
  ['home', '/'],
  ['services index', '/services/'],
  ['a service', (paths) => paths.find((p) => /^\/services\/[^/]+\/$/.test(p))],
  ['work index', '/work/'],
  ['a case study', (paths) => paths.find((p) => /^\/work\/[^/]+\/$/.test(p))],
  ['about', '/about/'],
  ['a page under another', '/about/process/'],
  ['contact', '/contact/'],
  ['contact thanks', '/contact/thanks/'],
  // The Worker's answer: the site's search page with results written in (api/src/routes/search/).
  ['search with results', '/search?q=orbit'],
  ['404', '/no-such-page-in-orbit/'],
]

let paths: string[] | undefined
async function pathOf(request: APIRequestContext, where: Where): Promise<string> {
  if (typeof where === 'string') return where
  paths ??= await sitemapPaths(request)
  const path = where(paths)
  if (!path) throw new Error(`the sitemap lists no such page: ${paths.join(', ')}`)
  return path
}

async function openAt(
  browser: Browser,
  viewport: { width: number; height: number },
  scale: number,
  path: string,
) {
  const context = await browser.newContext({ baseURL: testUrls.worker, viewport, deviceScaleFactor: scale })
  const page = await context.newPage()
  await page.goto(path)
  return { context, page }
}

for (const [name, where] of PAGE_TYPES) {
  test.describe(`${name} page`, () => {
    test('has no WCAG 2.2 AA violations that axe can find, and one h1', async ({ page, request }) => {
      await page.goto(await pathOf(request, where))
      await expect(page.locator('h1')).toHaveCount(1)
      const { violations, passes } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
      expect(violations, describeViolations(violations)).toEqual([])
      // A run that checked nothing would pass too: make sure the rules really ran on this page.
      expect(passes.length).toBeGreaterThan(10)
    })

    test('starts with a skip link to the content, and shows focus on every stop', async ({
      page,
      request,
    }) => {
      await page.goto(await pathOf(request, where))
      await page.keyboard.press('Tab')
      const skip = page.locator(':focus')
      await expect(skip).toHaveText(/skip to content/i)
      await expect(skip).toBeVisible()
      await expect(skip).toBeInViewport()
      await page.keyboard.press('Enter')
      await expect(page.locator('main')).toBeFocused()
      await expect(page.locator('main')).toBeInViewport()

      // Back to the top, then every stop until the keyboard has been through the page (or 25 stops).
      await page.goto(await pathOf(request, where))
      const seen: string[] = []
      for (let stop = 0; stop < 25; stop++) {
        await page.keyboard.press('Tab')
        const indicator = await focusIndicator(page)
        if (!indicator) break
        const outlined = indicator.outlineStyle !== 'none' && indicator.outlineWidth >= 2
        expect(outlined || indicator.boxShadow !== 'none', `no focus indicator on ${indicator.element}`).toBe(
          true,
        )
        if (outlined)
          expect(
            contrast(indicator.outlineColor, indicator.background),
            `focus outline contrast on ${indicator.element}`,
          ).toBeGreaterThanOrEqual(3)
        seen.push(indicator.element)
      }
      expect(seen.length).toBeGreaterThan(3)
    })

    test('reflows at 200 % zoom and at 320 px: no sideways scrolling, navigation usable', async ({
      browser,
      request,
    }) => {
      const path = await pathOf(request, where)
      // 640 CSS px at device scale 2 is a 1280 px window at 200 % zoom; 320 px is WCAG's reflow width.
      for (const [viewport, scale] of [
        [{ width: 640, height: 800 }, 2],
        [{ width: 320, height: 640 }, 1],
      ] as const) {
        const { context, page } = await openAt(browser, viewport, scale, path)
        try {
          const label = `${path} at ${viewport.width} px ×${scale}`
          const overflow = await page.evaluate(() => {
            const root = document.scrollingElement ?? document.documentElement
            return { scroll: root.scrollWidth, client: root.clientWidth }
          })
          expect(overflow.scroll, `${label}: page is wider than the window`).toBeLessThanOrEqual(
            overflow.client,
          )
          const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link')
          expect(await nav.count(), label).toBeGreaterThan(0)
          for (const link of await nav.all()) {
            await expect(link, label).toBeVisible()
            const box = await link.boundingBox()
            expect(
              box && box.x >= 0 && box.x + box.width <= viewport.width,
              `${label}: nav link off screen`,
            ).toBe(true)
          }
          // Usable, not just visible: the last link in the menu takes the visitor there.
          const last = nav.last()
          const href = (await last.getAttribute('href')) ?? ''
          await last.click()
          await expect(page, label).toHaveURL(new URL(href, testUrls.worker).href)
        } finally {
          await context.close()
        }
      }
    })
  })
}
