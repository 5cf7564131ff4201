import { localObjectStorageEnv, type Service, startCms, testSystem } from '@kairo/tools'
import { expect, test } from '@playwright/test'
import { demoEditor, requiredEnv } from '../system.ts'

// The editor's first minute in development: the admin under `next dev` (as `./kairo start` runs it)
// opens at every local address the banner and the site name, 127.0.0.1 and localhost, signs the
// editor in, and asks nothing of any other machine. `next dev` compiles the admin on the first
// visit, which takes a minute or two on a small machine.
test.describe.configure({ mode: 'serial' })
test.setTimeout(600_000)

const port = testSystem.ports.cmsDev
let cms: Service | undefined

test.beforeAll(async () => {
  test.setTimeout(600_000)
  cms = await startCms({
    databaseUrl: requiredEnv('DATABASE_URL'),
    payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    storage: localObjectStorageEnv(`http://127.0.0.1:${testSystem.ports.s3}`),
    mode: 'dev',
    port,
    quiet: true,
    // The shared test system builds the site itself: this CMS must not start builds of its own.
    env: { SITE_REBUILD: 'off' },
  })
})

test.afterAll(async () => {
  await cms?.stop()
})

for (const host of ['127.0.0.1', 'localhost']) {
  test(`the admin under next dev opens at ${host}, signs the editor in, and asks no other machine`, async ({
    page,
  }) => {
    const hosts = new Set<string>()
    page.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url())
      if (protocol.startsWith('http')) hosts.add(hostname)
    })
    await page.goto(`http://${host}:${port}/admin`, { timeout: 300_000 })
    await expect(page.getByLabel(/email/i)).toBeVisible({ timeout: 300_000 })
    await expect(page).toHaveTitle(/ — Kairo$/)
    await page.getByLabel(/email/i).fill(demoEditor.email)
    await page.getByLabel(/password/i).fill(demoEditor.password)
    await page.getByRole('button', { name: /log ?in/i }).click()
    await expect(page.getByRole('link', { name: /case studies/i }).first()).toBeVisible({ timeout: 120_000 })
    // Signed in for real: the dashboard's panel reads the build history with the session.
    await expect(page.locator('.kairo-site-builds')).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect([...hosts]).toEqual([host])
  })
}
