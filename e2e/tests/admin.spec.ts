import { expect, test } from '@playwright/test'
import { demoEditor, testUrls } from '../system.ts'

test('the CMS admin loads and accepts the seeded editor', async ({ page }) => {
  await page.goto(`${testUrls.cms}/admin`)
  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill(demoEditor.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByRole('link', { name: /case studies/i }).first()).toBeVisible()
})

test('the CMS admin refuses a wrong password', async ({ page }) => {
  await page.goto(`${testUrls.cms}/admin`)
  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill('not-the-password')
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page.getByText(/incorrect|invalid/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})
