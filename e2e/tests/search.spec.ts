import { expect, type Page, test } from '@playwright/test'

// The site search against the seeded system: the form on `/search/`, answered by the Worker from
// the index the site's build wrote (api/src/routes/search/). The seeded case study "Orbit Desk"
// mentions antennas in its body only, so finding it proves the body is searched.

const QUERY = 'antenna'
const COUNT = /^\d+ results? for “antenna”$/

async function expectOrbitDeskFound(page: Page) {
  const results = page.locator('[data-search-results]')
  await expect(results.getByRole('link', { name: 'Orbit Desk' })).toHaveAttribute('href', '/work/orbit-desk/')
  await expect(results.locator('mark').first()).toHaveText(/^antenna/i)
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a visitor reaches search from the header, submits the form and reads marked results', async ({
    page,
  }) => {
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/search\/$/)
    await page.getByLabel('Services, case studies and pages').fill(QUERY)
    await page.getByRole('button', { name: 'Search' }).click()

    await expect(page).toHaveURL(`/search?q=${QUERY}`)
    await expect(page.getByRole('status')).toHaveText(COUNT)
    await expect(page.getByLabel('Services, case studies and pages')).toHaveValue(QUERY)
    await expectOrbitDeskFound(page)
    await expect(page).toHaveTitle(/results? for “antenna” · Search/)
  })

  test('says so when nothing matches, and refuses an over-long search with a message', async ({ page }) => {
    await page.goto('/search?q=zzyzx')
    await expect(page.getByRole('status')).toHaveText('No results for “zzyzx”')
    const response = await page.goto(`/search?q=${'a'.repeat(201)}`)
    expect(response?.status()).toBe(400)
    await expect(page.getByRole('status')).toHaveText('The search is too long: at most 200 characters.')
  })
})

test.describe('with JavaScript', () => {
  test('results appear as the visitor types, the count is announced, and the keyboard reaches them', async ({
    page,
  }) => {
    await page.goto('/search/')
    // Set before typing: a full page load would lose it, so it proves the results came in place.
    await page.evaluate(() => {
      ;(window as unknown as { stayed: boolean }).stayed = true
    })
    const input = page.getByLabel('Services, case studies and pages')
    await input.focus()
    await page.keyboard.type(QUERY, { delay: 40 })

    const status = page.getByRole('status')
    await expect(status).toHaveAttribute('aria-live', 'polite')
    await expect(status).toHaveText(COUNT)
    await expectOrbitDeskFound(page)
    await expect(page).toHaveURL(`/search?q=${QUERY}`)
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)

    // Keyboard only: from the box, past the button, to the first result.
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Search' })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.locator('[data-search-results] a').first()).toBeFocused()

    // Clearing the box clears the results and the count.
    await input.fill('')
    await expect(status).toHaveText('')
    await expect(page.locator('[data-search-results] li')).toHaveCount(0)
  })
})
