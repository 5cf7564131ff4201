import { buildSite } from '@kairo/tools'
import { expect, test } from '@playwright/test'
import { visitFresh } from '../fresh-visit.ts'
import { demoEditor, testUrls } from '../system.ts'

interface CaseStudy {
  id: number | string
  slug: string
  title: string
  summary: string
}

test('the home page shows the latest case studies, the listing all of them, and the home page fetches no JavaScript on its own', async ({
  page,
  request,
}) => {
  const published = await request.get(
    `${testUrls.cms}/api/case-studies?where[_status][equals]=published&pagination=false&depth=0`,
  )
  const { docs } = (await published.json()) as { docs: CaseStudy[] }
  expect(docs.length).toBeGreaterThan(0)

  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  await page.goto('/')
  await page.waitForLoadState('load')
  await expect(page.locator('h1')).toHaveCount(1)
  // The latest work (the layout's "Recent work" block), each card once, then a link to all of it
  // when the block does not show everything.
  const linked = await page
    .locator('main a[href^="/work/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  const cards = linked.filter((href) => href !== '/work/')
  expect(cards.length).toBeGreaterThan(0)
  expect(new Set(cards).size).toBe(cards.length)
  for (const href of cards) expect(docs.map((study) => `/work/${study.slug}/`)).toContain(href)
  if (cards.length < docs.length) expect(linked).toContain('/work/')
  // JSON-LD is data, not script the browser runs. Without a 3D island the page has no script at all.
  // With one (the services' planets), its only script is the island's boot script
  // (site/src/islands/page/boot.ts) from the site's own `_astro/`; the scene loads into a worker.
  if ((await page.locator('[data-island-props]').count()) === 0) {
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0)
    expect(scripts).toEqual([])
  } else {
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(1)
    await expect(page.locator('script[src]')).toHaveAttribute('src', /^\/_astro\/[\w.-]+\.js$/)
    for (const url of scripts) expect(new URL(url).pathname).toMatch(/^\/(_astro|decoders)\//)
  }
  // The listing's first page links every one of these few.
  await page.goto('/work/')
  for (const study of docs) {
    await expect(page.locator('#work').getByRole('link', { name: study.title })).toHaveAttribute(
      'href',
      new RegExp(`/work/${study.slug}/?$`),
    )
  }
})

test("an editor's change in the CMS reaches the page the Worker serves after a rebuild", async ({
  page,
  request,
  browser,
}) => {
  const login = await request.post(`${testUrls.cms}/api/users/login`, { data: demoEditor })
  expect(login.ok()).toBe(true)
  const { token } = (await login.json()) as { token: string }
  const auth = { Authorization: `JWT ${token}` }

  const list = await request.get(
    `${testUrls.cms}/api/case-studies?where[_status][equals]=published&limit=1&depth=0`,
  )
  const study = ((await list.json()) as { docs: CaseStudy[] }).docs[0]
  if (!study) throw new Error('the seed published no case study')

  const summary = `Now with a live telemetry wall, updated ${new Date().toISOString()}`
  await page.goto(`/work/${study.slug}/`)
  await expect(page.getByRole('heading', { level: 1, name: study.title })).toBeVisible()
  await expect(page.getByText(summary)).toHaveCount(0)

  const update = await request.patch(`${testUrls.cms}/api/case-studies/${study.id}`, {
    headers: auth,
    data: { summary, _status: 'published' },
  })
  expect(update.ok()).toBe(true)

  // An editor also keeps an old URL working with a redirect the static host applies after the build.
  const oldPath = `/old-${Date.now()}`
  const redirect = await request.post(`${testUrls.cms}/api/redirects`, {
    headers: auth,
    data: {
      from: oldPath,
      to: { type: 'reference', reference: { relationTo: 'case-studies', value: study.id } },
    },
  })
  expect(redirect.ok()).toBe(true)

  await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })

  // wrangler dev picks up the rebuilt assets by watching site/dist; give it a moment.
  await expect
    .poll(async () => (await request.get(`/work/${study.slug}/`)).text(), { timeout: 30_000 })
    .toContain(summary)
  const visitor = await visitFresh(browser, `/work/${study.slug}/`)
  await expect(visitor.getByText(summary)).toBeVisible()
  await visitor.context().close()

  const moved = await request.get(oldPath, { maxRedirects: 0 })
  expect(moved.status()).toBe(301)
  expect(moved.headers().location).toMatch(new RegExp(`/work/${study.slug}/$`))
})

test('static pages carry the security headers, with a CSP that runs no unhashed inline script', async ({
  request,
}) => {
  const response = await request.get('/')
  const headers = response.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self'[^;]*;/)
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['strict-transport-security']).toContain('max-age=31536000')
  expect(headers['x-content-type-options']).toBe('nosniff')
})
