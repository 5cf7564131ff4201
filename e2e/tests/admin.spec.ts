import { expect, test } from '@playwright/test'
import { demoEditor, testUrls } from '../system.ts'

test('the CMS admin, opened at 127.0.0.1, carries the studio’s name and mark and accepts the seeded editor, with no request leaving the machine', async ({
  page,
}) => {
  const hosts = new Set<string>()
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url())
    if (protocol.startsWith('http')) hosts.add(hostname)
  })
  await page.goto(`${testUrls.cms}/admin`)
  // The studio's mark and name and its tab icon, not Payload's.
  await expect(page.getByText('Kairo', { exact: true }).first()).toBeVisible()
  await expect(page).toHaveTitle(/ — Kairo$/)
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href')
  expect(icon).toMatch(/^\/favicon\.svg/)
  const served = await page.request.get(`${testUrls.cms}${icon}`)
  expect(served.headers()['content-type']).toContain('image/svg+xml')

  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill(demoEditor.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByRole('link', { name: /case studies/i }).first()).toBeVisible()
  // The account's picture is Payload's own, not one asked of an avatar service.
  await expect(page.locator('img[src*="gravatar"]')).toHaveCount(0)
  await page.waitForLoadState('networkidle')
  expect([...hosts]).toEqual(['127.0.0.1'])
})

test('the CMS admin refuses a wrong password', async ({ page }) => {
  await page.goto(`${testUrls.cms}/admin`)
  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill('not-the-password')
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page.getByText(/incorrect|invalid/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})
