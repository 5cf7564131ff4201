import {
  localMailSettings,
  localObjectStorageEnv,
  objectStorage,
  removeStoredObject,
  type Service,
  startCms,
  testSystem,
} from '@kairo/tools'
import { expect, type Page, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { demoEditor, requiredEnv, testUrls } from '../system.ts'

// The publish status an editor sees, with builds that really run: this spec starts a CMS of its own
// that rebuilds the site on publish (`SITE_REBUILD=local`, as under `./kairo start`; the shared test
// CMS builds nothing, so other specs' builds never race), writing the site/dist the test Worker
// serves. A publish goes queued → building → live, and the Worker serves it; then a build breaks the
// way it breaks in life (a stored file lost behind the CMS's back) and the editor sees why, while
// the site stays as it was.
test.describe.configure({ mode: 'serial' })
test.setTimeout(300_000)

const port = testSystem.ports.cmsRebuilding
const cmsUrl = `http://localhost:${port}`
const admin = `${cmsUrl}/admin`
const storage = localObjectStorageEnv(`http://127.0.0.1:${testSystem.ports.s3}`)
const stamp = Date.now()
let cms: Service | undefined
let study: { id: number; slug: string; title: string }

test.beforeAll(async ({ request }) => {
  cms = await startCms({
    databaseUrl: requiredEnv('DATABASE_URL'),
    payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    storage,
    mail: localMailSettings(testSystem.ports.smtp),
    mode: 'prod',
    port,
    quiet: true,
    // Built for the test Worker's origin, as the shared system's builds are.
    env: { SITE_REBUILD: 'local', SITE_URL: testUrls.worker },
  })
  // Not the case studies publish.spec.ts and publish-flow.spec.ts edit (the first two).
  const list = await request.get(
    `${cmsUrl}/api/case-studies?where[_status][equals]=published&depth=0&limit=3`,
  )
  const docs = ((await list.json()) as { docs: (typeof study)[] }).docs
  if (!docs[2]) throw new Error('the seed published fewer than three case studies')
  study = docs[2]
})

test.afterAll(async () => {
  await cms?.stop()
})

async function logIn(page: Page) {
  await page.goto(admin)
  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill(demoEditor.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

test('a publish shows as queued, then building, then live with a link, and the Worker serves it', async ({
  page,
  request,
}) => {
  const summary = `Published and followed to the live site, ${stamp}`
  await logIn(page)
  await page.goto(`${admin}/collections/case-studies/${study.id}`)
  const status = page.locator('.kairo-publish-status [role="status"]')
  const field = page.getByLabel('Summary', { exact: false }).and(page.locator('textarea'))
  const publish = page.getByRole('button', { name: 'Publish changes' })
  await expect(async () => {
    await field.fill(summary)
    await expect(publish).toBeEnabled({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const clickedAt = performance.now()
  await publish.click()

  // Each state as the editor sees it beside the document; the debounce (3 s) keeps it queued first.
  await expect(status).toContainText('Queued', { timeout: 15_000 })
  await expect(status).toContainText('Building', { timeout: 15_000 })
  const buildingAt = performance.now()
  await expect(status).toContainText('Live', { timeout: 180_000 })
  const liveAt = performance.now()
  await expect(status).toContainText(/built in \d+ s/)
  const link = status.getByRole('link', { name: 'View on the site' })
  await expect(link).toHaveAttribute('href', `${testUrls.worker}/work/${study.slug}/`)

  // Live means live: the Worker serves the new text.
  await expect
    .poll(async () => (await request.get(`/work/${study.slug}/`)).text(), {
      timeout: 30_000,
      intervals: [200],
    })
    .toContain(summary)
  const servedAt = performance.now()
  console.log(
    `publish status: queued → building after ${((buildingAt - clickedAt) / 1000).toFixed(1)} s (3 s debounce), ` +
      `live after ${((liveAt - clickedAt) / 1000).toFixed(1)} s, served by the Worker after ` +
      `${((servedAt - clickedAt) / 1000).toFixed(1)} s`,
  )

  // The dashboard's panel says the same, with what changed.
  await page.goto(admin)
  const panel = page.locator('.kairo-site-builds')
  await expect(panel.getByRole('status')).toContainText('Live since')
  await expect(panel.getByRole('status')).toContainText(`case study “${study.title}” published`)
})

test('a build that breaks shows failed with the start of its error, and the live site stays', async ({
  page,
  request,
}) => {
  const before = await (await request.get(`/work/${study.slug}/`)).text()
  // An image whose stored file then goes missing: the next build cannot download it.
  const login = await request.post(`${cmsUrl}/api/users/login`, { data: demoEditor })
  const { token } = (await login.json()) as { token: string }
  const png = new PNG({ width: 64, height: 64 })
  png.data.fill(stamp % 256)
  const upload = await request.post(`${cmsUrl}/api/media`, {
    headers: { Authorization: `JWT ${token}` },
    multipart: {
      file: { name: `lost-${stamp}.png`, mimeType: 'image/png', buffer: PNG.sync.write(png) },
      _payload: JSON.stringify({ alt: 'An image whose file is lost' }),
    },
  })
  expect(upload.ok()).toBe(true)
  const media = ((await upload.json()) as { doc: { id: number; filename: string } }).doc
  await removeStoredObject(
    storage,
    objectStorage.buckets.media,
    `${objectStorage.prefixes.media}${media.filename}`,
  )

  await logIn(page)
  await page.goto(admin)
  const panel = page.locator('.kairo-site-builds')
  await expect(panel.getByRole('status')).toContainText('Failed', { timeout: 180_000 })
  await expect(panel.getByRole('status')).toContainText('the site still shows the last good build')
  await expect(panel.locator('.kairo-build-error')).toContainText(`answered 404`)
  await expect(panel.locator('.kairo-build-error')).toContainText(media.filename)
  // A failed build replaced nothing.
  expect(await (await request.get(`/work/${study.slug}/`)).text()).toBe(before)

  // Deleting the broken image mends the site: the next build goes live again.
  const removed = await request.delete(`${cmsUrl}/api/media/${media.id}`, {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(removed.ok()).toBe(true)
  await expect(panel.getByRole('status')).toContainText('Live since', { timeout: 180_000 })
})
