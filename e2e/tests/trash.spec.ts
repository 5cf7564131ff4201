import { buildSite } from '@kairo/tools'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { adminUrl, editorToken, logInToAdmin } from '../cms-admin.ts'
import { testUrls } from '../system.ts'

// An editor deletes a published case study in the admin: it goes to the trash and, after the next
// build, off the site. Restored from the collection's Trash view, it is live again after the build.
test.setTimeout(300_000)
// A control that is not there fails in half a minute, not at the test's end.
test.use({ actionTimeout: 30_000 })

const stamp = Date.now()
const api = `${testUrls.cms}/api`

/** The status the Worker answers for a path once a build has landed (wrangler dev watches dist). */
async function servedStatus(request: APIRequestContext, path: string, expected: number) {
  await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
  await expect
    .poll(async () => (await request.get(path, { maxRedirects: 0 })).status(), {
      timeout: 30_000,
      intervals: [200],
    })
    .toBe(expected)
}

test('a case study deleted in the admin leaves the site, and restored from the trash it is live again', async ({
  page,
  request,
}) => {
  const token = await editorToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const title = `Back from the trash ${stamp}`
  const slug = `trash-${stamp}`
  const created = await request.post(`${api}/case-studies`, {
    headers,
    data: { title, slug, summary: 'Deleted by mistake, and not lost.', _status: 'published' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const { id } = ((await created.json()) as { doc: { id: number } }).doc
  const path = `/work/${slug}/`

  try {
    await servedStatus(request, path, 200)

    // Delete from the document's menu: Payload's confirmation moves it to the trash by default.
    await logInToAdmin(page)
    await page.goto(`${adminUrl}/collections/case-studies/${id}`)
    await page.locator('.doc-controls__dots').click()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page.getByText(/to the trash\. Are you sure\?/)).toBeVisible()
    await page.getByRole('button', { name: 'Confirm', exact: true }).click()
    await expect(page).toHaveURL(/\/collections\/case-studies(\?|$)/)
    await servedStatus(request, path, 404)

    // The collection's Trash view lists it; restored as published, it comes back as it was.
    await page.goto(`${adminUrl}/collections/case-studies/trash`)
    await page.getByRole('link', { name: title }).click()
    await page.getByRole('button', { name: 'Restore', exact: true }).click()
    // Payload's checkbox is named by its id, not by the text beside it ("Restore as published version").
    await page.locator('#restore-as-published').check()
    await page.getByRole('button', { name: 'Confirm', exact: true }).click()
    await expect
      .poll(async () => {
        const response = await request.get(`${api}/case-studies/${id}?depth=0`)
        return response.ok() ? ((await response.json()) as { _status: string })._status : 'gone'
      })
      .toBe('published')
    await servedStatus(request, path, 200)
    expect(await (await request.get(path)).text()).toContain(title)
  } finally {
    await request.delete(`${api}/case-studies/${id}?trash=true`, { headers })
  }
})
