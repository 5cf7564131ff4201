import { buildSite } from '@kairo/tools'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { adminUrl, cmsField, editorToken, logInToAdmin } from '../cms-admin.ts'
import { visitFresh } from '../fresh-visit.ts'
import { testUrls } from '../system.ts'

interface CaseStudy {
  id: number
  slug: string
  title: string
}

// One case study goes through the whole editing workflow in order: published edit, then a draft.
test.describe.configure({ mode: 'serial' })
// Each test rebuilds the site (20-40 s on a busy machine) on top of the browser work.
test.setTimeout(240_000)

let study: CaseStudy
const stamp = new Date().toISOString()
const publishedSummary = `Now tracking every satellite pass live, published ${stamp}`
const draftSummary = `A draft nobody outside the studio should see yet, ${stamp}`

test.beforeAll(async ({ request }) => {
  const published = `${testUrls.cms}/api/case-studies?where[_status][equals]=published&depth=0`
  const list = async (query: string) =>
    ((await (await request.get(`${published}&${query}`)).json()) as { docs: CaseStudy[] }).docs
  // Not the one publish.spec.ts edits (the first of the same list), so the two never meet.
  const [theirs] = await list('limit=1')
  const ours = (await list('pagination=false')).find((doc) => doc.id !== theirs?.id)
  if (!ours) throw new Error('the seed published fewer than two case studies')
  study = ours
})

/** The summary field of the case study's edit view in the admin. */
const openInAdmin = async (page: Page) => {
  await page.goto(`${adminUrl}/collections/case-studies/${study.id}`)
  const summary = page.getByLabel('Summary', { exact: false }).and(page.locator('textarea'))
  await expect(summary).toBeVisible()
  return summary
}

/**
 * Types into a field of the admin's form. Until the admin has hydrated, a value typed into the
 * server-rendered field is not seen by the form; an enabled Publish button shows that it was.
 */
const edit = async (page: Page, field: Locator, text: string) => {
  const publish = page.getByRole('button', { name: 'Publish changes' })
  await expect(async () => {
    await field.fill(text)
    await expect(publish).toBeEnabled({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

test('an editor publishes a case study in the admin and the built page shows it', async ({
  page,
  request,
  browser,
}) => {
  await page.goto(`/work/${study.slug}/`)
  await expect(page.getByRole('heading', { level: 1, name: study.title })).toBeVisible()
  await expect(page.getByText(publishedSummary)).toHaveCount(0)

  await logInToAdmin(page)
  const summary = await openInAdmin(page)
  await edit(page, summary, publishedSummary)
  const clickedAt = performance.now()
  await page.getByRole('button', { name: 'Publish changes' }).click()
  // Published means what anonymous readers (the site's build) get from the REST API.
  await expect
    .poll(() => cmsField(request, `/api/case-studies/${study.id}?depth=0`, 'summary'), { intervals: [100] })
    .toBe(publishedSummary)
  const savedAt = performance.now()

  // The test system's CMS does not build by itself (SITE_REBUILD=off, so no two builds race):
  // build here what `SITE_REBUILD=local` builds after its 3 s debounce in development.
  await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
  await expect
    .poll(async () => (await request.get(`/work/${study.slug}/`)).text(), {
      timeout: 30_000,
      intervals: [100],
    })
    .toContain(publishedSummary)
  const liveAt = performance.now()
  console.log(
    `publish-to-live: ${((liveAt - clickedAt) / 1000).toFixed(1)} s from the Publish click to the new text ` +
      `on the Worker (save ${((savedAt - clickedAt) / 1000).toFixed(1)} s, build and pick-up ` +
      `${((liveAt - savedAt) / 1000).toFixed(1)} s; development adds the CMS's 3 s debounce)`,
  )

  const visitor = await visitFresh(browser, `/work/${study.slug}/`)
  await expect(visitor.locator('.lede')).toHaveText(publishedSummary)
  await visitor.context().close()
})

test('a draft is not on the public site but shows through the admin’s signed preview link', async ({
  page,
  context,
  request,
}) => {
  await logInToAdmin(page)
  const summary = await openInAdmin(page)
  await edit(page, summary, draftSummary)
  // No Save button: the admin autosaves a draft (every 1.5 s while editing). The editor's view of the
  // latest version has it; the published one does not.
  const draftPath = `/api/case-studies/${study.id}?depth=0&draft=true`
  const token = await editorToken(request)
  await expect
    .poll(() => cmsField(request, draftPath, 'summary', token), { intervals: [250] })
    .toBe(draftSummary)
  expect(await cmsField(request, `/api/case-studies/${study.id}?depth=0`, 'summary')).toBe(publishedSummary)

  // Even a fresh build leaves the draft out: the public page keeps the published text.
  await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
  // wrangler dev picks up the rebuilt files by watching site/dist: wait until it serves the page again.
  const served = async () => {
    const response = await request.get(`/work/${study.slug}/`)
    return response.ok() ? response.text() : ''
  }
  await expect.poll(served, { timeout: 30_000, intervals: [100] }).toContain(publishedSummary)
  expect(await served()).not.toContain(draftSummary)

  // The admin's Preview button links to the preview server with a signed token.
  const href = await page.locator('#preview-button').getAttribute('href')
  expect(href).toMatch(new RegExp(`^${testUrls.preview}/preview/work/${study.id}\\?token=\\d+\\.[\\w-]{43}$`))
  const preview = await context.newPage()
  const response = await preview.goto(href ?? '')
  expect(response?.status()).toBe(200)
  expect(response?.headers()['cache-control']).toBe('no-store')
  expect(response?.headers()['x-robots-tag']).toContain('noindex')
  await expect(preview.getByRole('status')).toContainText('Draft preview')
  await expect(preview.getByRole('heading', { level: 1, name: study.title })).toBeVisible()
  await expect(preview.locator('.lede')).toHaveText(draftSummary)
  await expect(preview.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

  // The same link with a forged token shows nothing of the draft.
  const forged = (href ?? '').replace(/token=(\d+)\.(.)/, (_, expires: string, first: string) => {
    return `token=${expires}.${first === 'A' ? 'B' : 'A'}`
  })
  const refused = await preview.goto(forged)
  expect(refused?.status()).toBe(403)
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Preview unavailable')
  await expect(preview.getByText(draftSummary)).toHaveCount(0)
})
