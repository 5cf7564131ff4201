import { buildSite } from '@kairo/tools'
import { expect, type Page, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { adminUrl, editorToken, logInToAdmin } from '../cms-admin.ts'
import { testUrls } from '../system.ts'

// An editor's image goes from the admin's upload form to object storage, then through the site
// build to the Worker, which serves it under /media/ as an image, whatever the file was called.
test.setTimeout(240_000)

const stamp = Date.now()

/** A real 1200×900 PNG, its colours drawn from `seed` so its bytes are this run's own. */
function pngBytes(seed: number): Buffer {
  const png = new PNG({ width: 1200, height: 900 })
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = i / 4
    png.data[i] = (pixel + seed) % 256
    png.data[i + 1] = (Math.floor(pixel / 1200) + seed) % 256
    png.data[i + 2] = seed % 256
    png.data[i + 3] = 255
  }
  return PNG.sync.write(png)
}

type ChosenFile = { name: string; mimeType: string; buffer: Buffer }

/**
 * Chooses a file in the admin's upload field and waits until the form has taken it (the field then
 * shows the file's name in an editable box). A file chosen before React has hydrated the form is
 * dropped silently and the save then fails for a missing file, so it is chosen again until taken.
 */
async function chooseFile(page: Page, file: ChosenFile): Promise<void> {
  const taken = page.locator('input.file-field__filename')
  await expect(async () => {
    await page.locator('input[type="file"]').setInputFiles(file)
    await expect(taken).toHaveValue(file.name, { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
}

test('an image uploaded in the admin is stored by its type, published by the build and served as an image', async ({
  page,
  request,
}) => {
  await logInToAdmin(page)
  const alt = page.getByLabel(/^Alt/)

  // An HTML page called .png is refused with a message saying what it is.
  await page.goto(`${adminUrl}/collections/media/create`)
  await chooseFile(page, {
    name: `poster-${stamp}.png`,
    mimeType: 'image/png',
    buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
  })
  await alt.fill('Not really an image')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/is HTML or XML document, not an image/).first()).toBeVisible()

  // A real PNG called .html is stored, and named, as a PNG.
  await page.goto(`${adminUrl}/collections/media/create`)
  await chooseFile(page, {
    name: `crew-${stamp}.html`,
    mimeType: 'text/html',
    buffer: pngBytes(stamp),
  })
  await alt.fill(`The launch crew, ${stamp}`)
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page).toHaveURL(/\/collections\/media\/\d+$/)
  const mediaId = Number(/\/(\d+)$/.exec(page.url())?.[1])

  const token = await editorToken(request)
  const auth = { Authorization: `JWT ${token}` }
  const media = (await (await request.get(`${testUrls.cms}/api/media/${mediaId}?depth=0`)).json()) as {
    filename: string
    mimeType: string
  }
  expect(media).toMatchObject({ filename: `crew-${stamp}.png`, mimeType: 'image/png' })
  const original = await request.get(`${testUrls.cms}/api/media/file/${media.filename}`)
  expect(original.headers()['content-type']).toBe('image/png')

  // On the about page as a team member's portrait.
  const member = await request.post(`${testUrls.cms}/api/team-members`, {
    headers: auth,
    data: { name: `Crew ${stamp}`, role: 'Launch crew', portrait: mediaId, order: 99 },
  })
  expect(member.ok()).toBe(true)
  const memberId = ((await member.json()) as { doc: { id: number } }).doc.id
  try {
    await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
    let src = ''
    await expect
      .poll(
        async () => {
          const html = await (await request.get('/about/')).text()
          const img = [...html.matchAll(/<img\s[^>]*>/g)].find(([tag]) =>
            tag.includes(`alt="The launch crew, ${stamp}"`),
          )
          src = /\ssrc="([^"]+)"/.exec(img?.[0] ?? '')?.[1] ?? ''
          return src
        },
        { timeout: 30_000 },
      )
      .toMatch(/^\/media\/[0-9a-f]{16}\.(png|webp|jpg|avif|gif)$/)
    // wrangler dev picks up a new file of the rebuilt site a moment after the changed page that names it.
    let served = await request.get(src)
    await expect
      .poll(
        async () => {
          served = await request.get(src)
          return served.status()
        },
        { timeout: 30_000 },
      )
      .toBe(200)
    expect(served.headers()['content-type']).toMatch(/^image\/(png|webp|jpeg|avif|gif)$/)
    expect(served.headers()['x-content-type-options']).toBe('nosniff')
    // Content-addressed, so cached for good.
    expect(served.headers()['cache-control']).toContain('immutable')
  } finally {
    await request.delete(`${testUrls.cms}/api/team-members/${memberId}`, { headers: auth })
    await request.delete(`${testUrls.cms}/api/media/${mediaId}`, { headers: auth })
  }
})
