import AxeBuilder from '@axe-core/playwright'
import { buildSite } from '@kairo/tools'
import { expect, test } from '@playwright/test'
import { WCAG_TAGS } from '../accessibility.ts'
import { adminUrl, editorToken, logInToAdmin } from '../cms-admin.ts'
import { sitemapPaths } from '../sitemap.ts'
import { testUrls } from '../system.ts'

// An editor makes a page in the admin, under About, from a block, and publishes it; linked from the
// navigation, it is in the header of every page, in the sitemap and in search after the next build.
test.setTimeout(300_000)
// A control that is not there fails in half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 })

const stamp = Date.now()
const api = `${testUrls.cms}/api`
const title = `Working with us ${stamp}`
const word = `zephyrine${stamp}`

test('a page made from blocks under About is in the navigation, the sitemap and search, with no axe violation', async ({
  page,
  request,
}) => {
  const token = await editorToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const settings = (await (
    await request.get(`${api}/globals/site-settings?depth=0`, { headers })
  ).json()) as {
    navigation: unknown[]
  }
  let id: number | undefined

  try {
    await logInToAdmin(page)
    await page.goto(`${adminUrl}/collections/pages/create`)
    await page.locator('#field-title').fill(title)
    // The parent, picked by its title like any relationship.
    const parent = page
      .locator('.field-type')
      .filter({ hasText: /^Parent/ })
      .getByRole('combobox')
    await parent.click()
    await parent.pressSequentially('About')
    await page
      .getByRole('option', { name: /^About/ })
      .first()
      .click()
    // One rich text block as the page's body.
    await page.getByRole('button', { name: 'Add Layout' }).click()
    await page.getByRole('button', { name: 'Rich text' }).click()
    const editor = page.locator('#field-layout [contenteditable="true"]').first()
    await editor.click()
    await page.keyboard.type(`How a project runs, from the first call to the launch. Keyword: ${word}.`)
    await page.getByRole('button', { name: /^Publish/ }).click()
    await expect(page).toHaveURL(/\/collections\/pages\/\d+/)
    id = Number(/\/collections\/pages\/(\d+)/.exec(page.url())?.[1])
    const published = async () => {
      const response = await request.get(`${api}/pages/${id}?depth=0`)
      return response.ok() ? ((await response.json()) as { _status?: string; slug?: string }) : {}
    }
    await expect.poll(async () => (await published())._status, { timeout: 30_000 }).toBe('published')
    const { slug } = await published()
    const path = `/about/${slug}/`

    // Linked from the navigation (the site settings' header links), as the editor would.
    const navigation = [
      ...settings.navigation,
      {
        link: { type: 'reference', reference: { relationTo: 'pages', value: id }, label: 'Working with us' },
      },
    ]
    const saved = await request.post(`${api}/globals/site-settings`, { headers, data: { navigation } })
    expect(saved.ok(), await saved.text()).toBe(true)

    await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
    await expect
      .poll(async () => (await request.get(path)).status(), { timeout: 30_000, intervals: [200] })
      .toBe(200)

    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('About')
    await expect(page.getByText(word)).toBeVisible()
    const header = page.locator('header nav').first()
    await expect(header.getByRole('link', { name: 'Working with us' })).toHaveAttribute('href', path)
    const axe = await new AxeBuilder({ page }).withTags([...WCAG_TAGS]).analyze()
    expect(axe.violations.map((violation) => violation.id)).toEqual([])

    expect(await sitemapPaths(request)).toContain(path)
    const results = await request.get(`/search?q=${word}`, { headers: { accept: 'application/json' } })
    const answer = (await results.json()) as { results: Array<{ url: string }> }
    expect(answer.results.map((result) => result.url)).toContain(path)
  } finally {
    await request.post(`${api}/globals/site-settings`, { headers, data: { navigation: settings.navigation } })
    if (id) {
      await request.delete(`${api}/pages/${id}`, { headers })
      await request.delete(`${api}/pages/${id}?trash=true`, { headers })
    }
  }
})
