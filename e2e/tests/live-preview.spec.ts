import { expect, test } from '@playwright/test'
import { adminUrl, cmsField, logInToAdmin } from '../cms-admin.ts'
import { testUrls } from '../system.ts'

// The admin's live preview panel: the draft, rendered by the site's own views on the preview server,
// follows the editor's typing (each autosave) without reloading the frame, at the panel's widths.
test.setTimeout(120_000)

test('the live preview panel shows the draft as the editor types, at phone, tablet and desktop widths', async ({
  page,
  request,
}) => {
  const found = await request.get(`${testUrls.cms}/api/pages?where[slug][equals]=process&depth=0`)
  const [process] = ((await found.json()) as { docs: Array<{ id: number; hero: { heading: string } }> }).docs
  if (!process) throw new Error('the seed has no /about/process/ page')

  await logInToAdmin(page)
  await page.goto(`${adminUrl}/collections/pages/${process.id}`)
  await page.getByRole('button', { name: 'Live Preview', exact: true }).click()
  const panel = page.frameLocator('#live-preview-iframe')
  const heading = process.hero.heading
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(heading)
  await expect(panel.locator('.draft-banner')).toContainText('Draft preview')
  // The trail the published page has: the preview is the site's own view, not a copy.
  await expect(panel.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('About')

  // A mark on the framed page's window: still there after the updates, so the frame never reloaded.
  const framed = page.frames().find((frame) => frame.url().startsWith(`${testUrls.preview}/preview/pages/`))
  if (!framed) throw new Error('no live preview frame')
  await framed.evaluate(() => Object.assign(window, { kairoMark: 'kept' }))

  const field = page.locator('#field-hero__heading')
  for (const text of ['From a first call to opening night', 'From the brief to the launch, step by step']) {
    await field.fill(text)
    const autosave = await page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && response.url().includes(`/api/pages/${process.id}`),
    )
    const savedAt = performance.now()
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText(text, { timeout: 10_000 })
    console.log(
      `live preview: "${text}" shown ${Math.round(performance.now() - savedAt)} ms after its autosave answered (${autosave.status()})`,
    )
  }
  expect(await framed.evaluate(() => (window as { kairoMark?: string }).kairoMark)).toBe('kept')
  // Only the draft changed: the published page keeps its heading.
  const published = await cmsField(request, `/api/pages/${process.id}?depth=0`, 'hero')
  expect((published as { heading: string }).heading).toBe(heading)

  // The panel's device widths: the frame's viewport is the chosen device's.
  for (const [device, width] of [
    ['Phone', 375],
    ['Tablet', 768],
    ['Desktop', 1440],
  ] as const) {
    await page.locator('.live-preview-toolbar-controls__breakpoint button').first().click()
    await page.getByRole('button', { name: device, exact: true }).click()
    await expect.poll(() => framed.evaluate(() => window.innerWidth)).toBe(width)
  }

  // Put the draft back, so later specs and runs see the seeded heading.
  await field.fill(heading)
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(heading, { timeout: 10_000 })
})
