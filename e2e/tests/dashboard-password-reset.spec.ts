import { expect, test } from '@playwright/test'
import {
  activate,
  DashboardFixtures,
  emailedLink,
  newPassword,
  signIn,
  typeInto,
  withSql,
} from '../dashboard.ts'

// A client who forgot their password asks for a reset link, opens it from the e-mail in the test
// inbox (delivered over SMTP by the Worker's outbox job), sets a new
// password and signs in with it. Keyboard only, JavaScript off, with this spec's own user.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

test('reset the password from the emailed link, then sign in with the new one; the link works once', async ({
  page,
  baseURL,
}) => {
  const company = await fixtures.company('Reset Test Co')
  const user = await fixtures.user({
    label: 'forgetful',
    name: 'Fen Forgetful',
    role: 'client',
    companyId: company.id,
  })
  const chosen = newPassword()

  await page.goto('/login')
  await activate(page, page.getByRole('link', { name: 'Forgot your password?' }))
  await expect(page).toHaveURL(/\/password-reset$/)
  await typeInto(page, page.getByLabel('Email'), user.email)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/password-reset\?sent=1$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox')

  const link = await emailedLink('auth.password_reset', user.email)
  expect(new URL(link).origin).toBe(new URL(baseURL ?? '').origin)
  // Delivered, the stored message no longer holds the link: the e-mail is its only copy.
  const stored = await withSql(
    (sql) => sql<{ payload: Record<string, unknown>; sent: boolean }[]>`
      select payload, sent_at is not null as sent from app.outbox
      where kind = 'auth.password_reset' and payload ->> 'to' = ${user.email}`,
  )
  expect(stored).toHaveLength(1)
  expect(stored[0]?.sent).toBe(true)
  expect(stored[0]?.payload).not.toHaveProperty('url')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await expect(page.getByText(`For the account ${user.email}.`)).toBeVisible()
  await typeInto(page, page.getByLabel('New password'), chosen)
  await activate(page, page.getByRole('button', { name: 'Set the new password' }))

  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('status')).toHaveText(
    'Your password has been changed. Sign in with your new password.',
  )

  // The old password no longer works; the new one does.
  await signIn(page, user)
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')
  await signIn(page, { email: user.email, password: chosen })
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible()

  // The link works once.
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has already been used')
})
