import { expect, test } from '@playwright/test'
import {
  DashboardFixtures,
  demoProjects,
  demoUsers,
  secondDemoProjects,
  signIn,
  signOut,
  typeInto,
} from '../dashboard.ts'

// Sign in as the demo client, and sign out, by keyboard with JavaScript off. Signing out uses this
// spec's own user, so the demo client's per-account sign-in limit keeps room for other runs.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

test('a wrong password is refused with a message; the right one opens the company dashboard', async ({
  page,
  context,
}) => {
  const { email, password } = demoUsers.client
  // Signed out, the dashboard sends the visitor to sign in and back afterwards.
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/)

  await signIn(page, { email, password: `${password}-wrong` }, page.url())
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('alert')).toContainText(
    'The email address or password is not right. Check both and try again.',
  )
  // The email is kept for the next try; the password never is.
  await expect(page.getByLabel('Email')).toHaveValue(email)
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('__Host-session')

  // The email is already there: Tab past it to the password.
  await typeInto(page, page.getByLabel('Password', { exact: true }), password)
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview')
  const projects = page.getByRole('table', { name: 'Projects, unfinished first' })
  for (const project of demoProjects) {
    await expect(projects.getByRole('link', { name: project.name })).toBeVisible()
  }
  // Only this client's company: the other demo company's projects are not there.
  for (const project of secondDemoProjects) {
    await expect(page.getByText(project.name)).toHaveCount(0)
  }
  await expect(page.getByText(`Signed in as ${demoUsers.client.name}`)).toBeVisible()

  const cookie = (await context.cookies()).find((c) => c.name === '__Host-session')
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' })
})

test('signing out ends the session: the dashboard asks to sign in again', async ({ page, context }) => {
  const company = await fixtures.company('Sign-out Test Co')
  const user = await fixtures.user({
    label: 'leaver',
    name: 'Lou Leaver',
    role: 'client',
    companyId: company.id,
  })
  await signIn(page, user)
  await expect(page).toHaveURL(/\/dashboard$/)

  await signOut(page)
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('__Host-session')
  await page.goto('/dashboard/projects')
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard%2Fprojects$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
})
