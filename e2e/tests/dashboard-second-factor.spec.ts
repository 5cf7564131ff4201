import { expect, test } from '@playwright/test'
import {
  activate,
  DashboardFixtures,
  enterTotpCode,
  expectNoAxeViolations,
  noScriptPage,
  signIn,
  signOut,
  typeInto,
  withSql,
} from '../dashboard.ts'
import { totpCode } from '../second-factor.ts'

// The second factor in the browser. With JavaScript off and by keyboard only: a team member without
// one is sent to set up an authenticator app at sign-in (the key read from the page's text, codes
// computed here), saves the recovery codes shown once, then signs in with a code and with a recovery
// code, which is refused the second time. With JavaScript on: adding a passkey on the profile and
// signing in with it, through Chromium's virtual authenticator. axe on every new page state.

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

test('a team member sets up the app at sign-in, then signs in with a code and with a recovery code', async ({
  browser,
  baseURL,
}) => {
  const user = await fixtures.user({
    label: 'two-step',
    name: 'Tia Twostep',
    role: 'team',
    companyId: null,
    totp: false,
  })
  const page = await noScriptPage(browser, baseURL)

  // The password is right, but a team account must set up a second step before any session.
  await signIn(page, user)
  await expect(page).toHaveURL(/\/login\/second-factor\/enrol$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-step sign-in')
  await expect(page.getByRole('img', { name: /QR code holding the key below/ })).toBeVisible()
  await expectNoAxeViolations(page)
  // No session yet: the dashboard still asks to sign in.
  await page.goto('/dashboard')
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/)
  await page.goto('/login/second-factor/enrol')

  // The key as a person would type it into their app, read from the page.
  const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await typeInto(page, page.getByLabel('Code from the app'), '000000')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('That code is not right.')
  await expect(page.getByLabel('Code from the app')).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page)
  await typeInto(page, page.getByLabel('Code from the app'), totpCode(secret))
  await activate(page, page.getByRole('button', { name: 'Turn on two-step sign-in' }))

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Save your recovery codes')
  const codes = await page
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allTextContents()
  expect(codes).toHaveLength(10)
  await expectNoAxeViolations(page)
  await activate(page, page.getByRole('link', { name: 'I have saved them: continue' }))
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible()

  // Next time: the password, then a code from the app. A wrong one first.
  await signOut(page)
  await signIn(page, { email: user.email, password: user.password })
  await expect(page).toHaveURL(/\/login\/second-factor$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm it is you')
  await expectNoAxeViolations(page)
  const codeField = page.getByLabel('Code from your authenticator app')
  await typeInto(page, codeField, '123 456')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('That code is not right, or was used already.')
  await expectNoAxeViolations(page)
  await enterTotpCode(page, user.email, secret)
  await expect(page).toHaveURL(/\/dashboard$/)

  // Without the phone: a recovery code, typed as printed.
  await signOut(page)
  await signIn(page, { email: user.email, password: user.password })
  await typeInto(page, page.getByLabel('Recovery code'), codes[0] as string)
  await activate(page, page.getByRole('button', { name: 'Sign in with a recovery code' }))
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('status')).toContainText(
    'You signed in with a recovery code; 9 of them are left.',
  )

  // The same recovery code again: refused.
  await signOut(page)
  await signIn(page, { email: user.email, password: user.password })
  await typeInto(page, page.getByLabel('Recovery code'), codes[0] as string)
  await activate(page, page.getByRole('button', { name: 'Sign in with a recovery code' }))
  await expect(page).toHaveURL(/\/login\/second-factor\/recovery$/)
  await expect(page.getByRole('alert')).toContainText(
    'That recovery code is not one of yours, or was used already.',
  )
  await expectNoAxeViolations(page)

  // Signed in with a code after all, the profile shows the app and the codes left.
  await enterTotpCode(page, user.email, secret)
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto('/dashboard/profile')
  const section = page.getByRole('region', { name: 'Two-step sign-in' })
  await expect(section).toContainText('On since')
  await expect(section).toContainText('9 of 10 recovery codes left.')
  await expect(section).toContainText('Adding a passkey opens your browser’s own passkey dialog')
  await expect(section.getByRole('button', { name: 'Add a passkey' })).toBeHidden()
  await expectNoAxeViolations(page)
  await page.context().close()
})

test('with JavaScript on: add a passkey on the profile, then sign in with it', async ({
  browser,
  baseURL,
}) => {
  const user = await fixtures.user({ label: 'passkey', name: 'Pia Passkey', role: 'team', companyId: null })
  // A passkey belongs to a domain name, never an IP address: the same Worker, as `localhost`.
  const origin = new URL(baseURL ?? '')
  origin.hostname = 'localhost'
  const context = await browser.newContext({ baseURL: origin.origin, javaScriptEnabled: true })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })

  await signIn(page, user)
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto('/dashboard/profile#second-factor')
  const section = page.getByRole('region', { name: 'Two-step sign-in' })
  // With script the form is there and the note about JavaScript is not.
  await expect(section.getByText('Adding a passkey opens your browser’s own passkey dialog')).toBeHidden()
  await typeInto(page, section.getByLabel('Name for a new passkey'), 'Test laptop')
  await activate(page, section.getByRole('button', { name: 'Add a passkey' }))
  await expect(page.getByRole('status').first()).toHaveText(
    'The passkey “Test laptop” is added. You can sign in with it now.',
  )
  await expect(section.getByRole('row', { name: /Test laptop/ })).toContainText('Never')
  await expectNoAxeViolations(page)
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(credentials).toHaveLength(1)
  expect(credentials[0]?.isResidentCredential).toBe(true)

  await signOut(page)
  const button = page.getByRole('button', { name: 'Sign in with a passkey' })
  await expect(button).toBeVisible()
  await expectNoAxeViolations(page)
  await activate(page, button)
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible()

  const [stored] = await withSql(
    (sql) => sql<{ counter: string; lastUsedAt: Date | null }[]>`
      select counter, last_used_at as "lastUsedAt" from app.passkeys where user_id = ${user.id}`,
  )
  expect(stored?.lastUsedAt).toBeInstanceOf(Date)
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(Number(stored?.counter)).toBe(after.credentials[0]?.signCount)
  const [audit] = await withSql(
    (sql) => sql<{ details: Record<string, unknown> }[]>`
      select details from app.audit_log where action = 'auth.sign_in' and target_id = ${user.id}
      order by at desc limit 1`,
  )
  expect(audit?.details).toEqual({ method: 'passkey' })
  await context.close()
})
