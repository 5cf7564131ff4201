import { expect, test } from '@playwright/test'
import { fillContactForm, leadsFrom, newVisitor } from '../contact-form.ts'

// The contact form must work as plain HTML: no JavaScript at all in these tests.
test.use({ javaScriptEnabled: false })

test('a visitor without JavaScript sends a message and it is stored as one lead', async ({ page }) => {
  const visitor = newVisitor()
  await page.goto('/')
  await page.getByRole('link', { name: 'Contact' }).click()
  await fillContactForm(page, visitor)
  await page.getByRole('button', { name: 'Send message' }).click()

  await expect(page).toHaveURL(/\/contact\/thanks\/?$/)
  await expect(page.locator('h1')).toHaveCount(1)
  expect(await leadsFrom(visitor.email)).toBe(1)
})

test('invalid input comes back with a message per field and the input kept', async ({ page }) => {
  // Both pass the browser's own checks (type=email, required), so only the server can refuse them.
  const email = 'ada@example'
  await page.goto('/contact/')
  await page.getByLabel('Name').fill('Ada')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Message').fill('short')
  await page.getByRole('button', { name: 'Send message' }).click()

  await expect(page.getByLabel('Email')).toHaveValue(email)
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Message')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Name')).toHaveValue('Ada')
  expect(await leadsFrom(email)).toBe(0)
})
