import { expect, test } from '@playwright/test'
import {
  activate,
  chooseOption,
  DashboardFixtures,
  demoUsers,
  emailedLink,
  newPassword,
  noScriptPage,
  signIn,
  typeInto,
  withSql,
} from '../dashboard.ts'

// The studio's admin invites a new client by email; the invitee opens the emailed link (taken from
// the test inbox), chooses a name and password, and lands signed in. Keyboard only, JavaScript off.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

test('invite a new email, accept from the outbox link, land signed in; the link works once', async ({
  page,
  browser,
  baseURL,
}) => {
  const company = await fixtures.company('Invite Test Co')
  const email = fixtures.email('invitee')
  const password = newPassword()

  await signIn(page, demoUsers.team)
  await expect(page).toHaveURL(/\/dashboard$/)
  await activate(
    page,
    page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Invitations' }),
  )
  await expect(page).toHaveURL(/\/dashboard\/invitations$/)
  await activate(page, page.getByRole('link', { name: 'Invite someone' }))
  await expect(page).toHaveURL(/\/dashboard\/invitations\/new$/)
  await typeInto(page, page.getByLabel('Email'), email)
  await expect(page.getByLabel('Role')).toHaveValue('client')
  await chooseOption(page, page.getByLabel('Company'), company.name)
  await activate(page, page.getByRole('button', { name: 'Send invitation' }))

  await expect(page).toHaveURL(/\/dashboard\/invitations$/)
  await expect(page.getByRole('status')).toHaveText(`Invitation sent to ${email}.`)
  const row = page.getByRole('row', { name: new RegExp(email.replace(/[.]/g, '\\.')) })
  await expect(row).toContainText('Pending')
  await expect(row).toContainText(company.name)

  const link = await emailedLink('auth.invitation', email)
  expect(new URL(link).origin).toBe(new URL(baseURL ?? '').origin)

  // The invitee, in a browser of their own.
  const invitee = await noScriptPage(browser, baseURL)
  try {
    await invitee.goto(link)
    await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(`Join ${company.name} on Kairo`)
    await expect(invitee.getByText(email)).toBeVisible()
    await typeInto(invitee, invitee.getByLabel('Your name'), 'Ivo Invitee')
    await typeInto(invitee, invitee.getByLabel('Password'), password)
    await invitee.keyboard.press('Enter')

    await expect(invitee).toHaveURL(/\/dashboard$/)
    await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Overview')
    await expect(invitee.getByText('Signed in as Ivo Invitee')).toBeVisible()
    const [account] = await withSql(
      (sql) => sql<{ role: string; companyId: string }[]>`
        select role, company_id as "companyId" from app.users where email = ${email}`,
    )
    expect(account).toEqual({ role: 'client', companyId: company.id })

    // The link works once.
    await invitee.goto(link)
    await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
      'This invitation has already been used',
    )
  } finally {
    await invitee.context().close()
  }

  // The admin sees it accepted.
  await page.reload()
  await expect(row).toContainText('Accepted')
})
