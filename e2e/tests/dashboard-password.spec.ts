import { expect, test } from '@playwright/test'
import {
  activate,
  DashboardFixtures,
  newPassword,
  noScriptPage,
  signIn,
  signOut,
  typeInto,
} from '../dashboard.ts'

// A client changes their password on the profile page, by keyboard with JavaScript off. The user is
// this spec's own, so the demo logins other specs use keep their passwords.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

test('change the password: the wrong current one is refused, other sessions end, the new one signs in', async ({
  page,
  browser,
  baseURL,
}) => {
  const company = await fixtures.company('Password Test Co')
  const user = await fixtures.user({
    label: 'changer',
    name: 'Cai Changer',
    role: 'client',
    companyId: company.id,
  })
  const changed = newPassword()

  // The same person is also signed in on another device.
  const otherDevice = await noScriptPage(browser, baseURL)
  await signIn(otherDevice, user)
  await expect(otherDevice).toHaveURL(/\/dashboard$/)

  await signIn(page, user)
  await expect(page).toHaveURL(/\/dashboard$/)
  await activate(
    page,
    page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Profile' }),
  )
  await expect(page).toHaveURL(/\/dashboard\/profile$/)
  const sessions = page.getByRole('table', { name: /active sessions?, most recently/ })
  await expect(sessions.getByRole('row')).toHaveCount(3) // the header row and two sessions

  const current = page.locator('#profile-current-password')
  const replacement = page.locator('#profile-new-password')
  await typeInto(page, current, 'not-my-password-at-all')
  await typeInto(page, replacement, changed)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('There is a problem')
  await expect(current).toHaveAttribute('aria-invalid', 'true')
  await expect(current).toHaveValue('')

  await typeInto(page, current, user.password)
  await typeInto(page, replacement, changed)
  await activate(page, page.getByRole('button', { name: 'Change password' }))
  await expect(page).toHaveURL(/\/dashboard\/profile$/)
  await expect(page.getByRole('status')).toHaveText(
    'Your password has been changed. One other session was signed out.',
  )
  await expect(sessions.getByRole('row')).toHaveCount(2)

  // The other device is signed out.
  await otherDevice.goto('/dashboard')
  await expect(otherDevice).toHaveURL(/\/login\?next=%2Fdashboard$/)
  await otherDevice.context().close()

  await signOut(page)
  await signIn(page, user)
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')

  await signIn(page, { email: user.email, password: changed })
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible()
})
