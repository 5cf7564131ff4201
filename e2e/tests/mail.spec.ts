import { expect, test } from '@playwright/test'
import { adminUrl, editorToken } from '../cms-admin.ts'
import { fillContactForm, newVisitor } from '../contact-form.ts'
import { emailSource, emailsTo, type InboxEmail, waitForEmail } from '../inbox.ts'
import { testUrls } from '../system.ts'

// Mail that arrives, read from the test system's SMTP inbox (MailDev's REST API), never from the
// database: the studio's new-lead notification after the public contact form, and Payload's own
// forgot-password e-mail from the CMS admin, whose link sets a new password that signs in.

/** The new-lead e-mails that quote this visitor's address. */
async function leadEmailsFor(visitorEmail: string): Promise<InboxEmail[]> {
  const all = await emailsTo('team@kairo.studio', /^New lead: /)
  return all.filter((email) => email.text?.includes(visitorEmail))
}

test.describe('the contact form as plain HTML', () => {
  // Without JavaScript the form posts and redirects (the enhanced form answers in place instead).
  test.use({ javaScriptEnabled: false })

  test('a message reaches the studio as one new-lead e-mail that replies to the visitor', async ({
    page,
  }) => {
    const visitor = newVisitor()
    await page.goto('/contact/')
    await fillContactForm(page, visitor)
    await page.getByRole('button', { name: 'Send message' }).click()
    await expect(page).toHaveURL(/\/contact\/thanks\/?$/)

    await expect
      .poll(async () => (await leadEmailsFor(visitor.email)).length, { timeout: 30_000, intervals: [500] })
      .toBe(1)
    const [notification] = await leadEmailsFor(visitor.email)
    expect(notification?.subject).toBe(`New lead: ${visitor.name} (${visitor.company})`)
    // Replying answers the visitor (MailDev keeps Reply-To in the raw source only).
    const source = await emailSource(String(notification?.id))
    expect(source).toMatch(new RegExp(`^Reply-To: .*<${visitor.email.replace(/[.+]/g, '\\$&')}>`, 'mi'))
    expect(notification?.headers['message-id']).toMatch(/^<[0-9a-f-]{36}@kairo\.studio>$/)
    expect(notification?.text).toContain(visitor.message)
    const leadLink = notification?.text?.match(/https?:\/\/\S+\/dashboard\/leads\/[0-9a-f-]{36}/)?.[0]
    expect(leadLink && new URL(leadLink).origin).toBe(testUrls.worker)
    // Exactly one e-mail for one message, however often the cron fires meanwhile.
    await page.waitForTimeout(4000)
    expect(await leadEmailsFor(visitor.email)).toHaveLength(1)
  })
})

test("the CMS's forgot-password e-mail arrives and its link sets a password that signs in", async ({
  page,
  request,
}) => {
  const token = await editorToken(request)
  const email = `mail-editor-${Date.now()}@example.test`
  const created = await request.post(`${testUrls.cms}/api/users`, {
    headers: { Authorization: `JWT ${token}` },
    data: { email, password: 'first-Password-8472', name: 'Mail Editor', role: 'editor' },
  })
  expect(created.ok()).toBe(true)
  const userId = ((await created.json()) as { doc: { id: string | number } }).doc.id
  // Every step with its own time limit, so a failure names the step rather than the test's timeout.
  const step = { timeout: 20_000 }
  try {
    await page.goto(adminUrl)
    await page.getByRole('link', { name: /forgot password/i }).click(step)
    await expect(page).toHaveURL(/\/admin\/forgot/, step)
    // The admin renders client-side: wait for the forgot form itself, not the login form it replaces.
    await expect(page.getByLabel(/password/i)).toHaveCount(0, step)
    await page.getByLabel(/email/i).fill(email, step)
    await page.getByRole('button', { name: /^submit$/i }).click(step)

    const message = await waitForEmail(email, /password/i)
    expect(message.from[0]?.address).toBe('hello@kairo.studio')
    const link = (message.html ?? '').match(/href="([^"]*\/admin\/reset\/[^"]+)"/)?.[1]
    expect(link, 'a reset link in the e-mail').toBeTruthy()
    // The admin is a React app: under load it can take a moment to hydrate, and a click before that
    // would submit the bare HTML form (a reload), so wait for the page to settle first.
    await page.goto(String(link), { waitUntil: 'networkidle' })
    const chosen = 'second-Password-9153'
    await page.getByLabel(/^new password/i).fill(chosen, step)
    await page.getByLabel(/^confirm password/i).fill(chosen, step)
    await page.getByRole('button', { name: /reset password/i }).click(step)
    // Payload signs the person in and leaves the reset page.
    await expect(page).not.toHaveURL(/\/admin\/reset\//, step)
    // The new password signs in; the old one no longer does.
    const logIn = (password: string) =>
      request.post(`${testUrls.cms}/api/users/login`, { data: { email, password } })
    expect((await logIn(chosen)).status()).toBe(200)
    expect((await logIn('first-Password-8472')).status()).toBe(401)
  } finally {
    await request.delete(`${testUrls.cms}/api/users/${userId}`, {
      headers: { Authorization: `JWT ${token}` },
    })
  }
})
