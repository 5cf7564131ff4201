import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
// The API's own hash, so a user made here signs in exactly like one made by the seed or an invitation.
import { hashPassword } from '@kairo/api/password'
import { demoUsers as seededUsers } from '@kairo/db/seed-data'
import { type Browser, type BrowserContext, expect, type Locator, type Page } from '@playwright/test'
import postgres from 'postgres'
import { contrast, describeViolations, focusIndicator, WCAG_TAGS } from './accessibility.ts'
import { linkIn, waitForEmail } from './inbox.ts'
import {
  DEMO_TEAM_TOTP_SECRET,
  freshCode,
  giveTotp,
  newTotpSecret,
  ROLES_WITH_SECOND_FACTOR,
} from './second-factor.ts'
import { requiredEnv } from './system.ts'

// Shared by the dashboard specs (`tests/dashboard-*.spec.ts`): the browser has JavaScript off and is
// driven by the keyboard only (Tab, Shift+Tab, Enter, Space and typing), users and companies are made
// per spec in the run's database and removed after it, emailed links are read from the test inbox (MailDev), and
// pages are checked with axe and for a visible focus indicator.

export {
  demoAutomations,
  demoCompany,
  demoProjects,
  secondDemoProjects,
} from '@kairo/db/seed-data'

/**
 * What a person signs in with. `totpSecret` (base32) is the authenticator app of an account that has
 * one: {@link signIn} then types a code from it on the second step.
 */
export interface Credentials {
  email: string
  password: string
  totpSecret?: string
}

/**
 * The seeded demo accounts. The demo admin (`team`) must sign in with a second factor; in the test
 * system it has a known authenticator app (the global setup gives it {@link DEMO_TEAM_TOTP_SECRET}).
 */
export const demoUsers = {
  ...seededUsers,
  team: { ...seededUsers.team, totpSecret: DEMO_TEAM_TOTP_SECRET },
}

/** A browser context's cookies, as `storageState` keeps them. */
export type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>

/** The e-mails the dashboard sends with a link: their subject, and the path their link opens. */
const EMAILED_LINKS = {
  'auth.password_reset': { subject: /^Reset your Kairo password$/, path: /^\/password-reset\/[^/]+$/ },
  'auth.invitation': { subject: /^You are invited to Kairo$/, path: /^\/invite\/[^/]+$/ },
} as const
export type OutboxLinkKind = keyof typeof EMAILED_LINKS

/** Runs `work` with a connection to the run's database, closed afterwards. */
export async function withSql<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(requiredEnv('DATABASE_URL'), { max: 1, onnotice: () => {} })
  try {
    return await work(sql)
  } finally {
    await sql.end()
  }
}

/** A short tag no other run or spec shares (time plus randomness), for names and email addresses. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
}

/** A password the policy accepts (long, not a common one) and no other user has. */
export function newPassword(): string {
  return `lantern ${randomBytes(4).toString('hex')} harbour violet`
}

/** A user made by {@link DashboardFixtures.user}. */
export interface FixtureUser extends Credentials {
  id: string
  name: string
}

/**
 * Companies, users and automations one spec makes directly in the database, under a tag of its own,
 * so its flows never touch the demo data (or another spec's) and run in any order; `cleanup()`
 * removes them and the accounts made through the app under the same tag. Sessions, automations,
 * invitations and reset links go with their user or company (ON DELETE CASCADE).
 */
export class DashboardFixtures {
  readonly tag = uniqueTag()
  private readonly companyIds: string[] = []

  /** An address under this run's tag; `cleanup()` removes an account made with it through the app. */
  email(label: string): string {
    return `${label}-${this.tag}@dashboard-e2e.example`
  }

  async company(name: string): Promise<{ id: string; name: string }> {
    const fullName = `${name} ${this.tag}`
    const slug = fullName.toLowerCase().replace(/[^a-z0-9]+/g, '-')
    const [row] = await withSql(
      (sql) => sql<{ id: string }[]>`
        insert into app.companies (name, slug) values (${fullName}, ${slug}) returning id`,
    )
    if (!row) throw new Error('fixture: company not created')
    this.companyIds.push(row.id)
    return { id: row.id, name: fullName }
  }

  async user(options: {
    label: string
    name: string
    role: 'client' | 'team' | 'admin'
    companyId: string | null
    /** Give the user an authenticator app (default: for the roles that must have one). */
    totp?: boolean
  }): Promise<FixtureUser> {
    const email = this.email(options.label)
    const password = newPassword()
    const passwordHash = await hashPassword(password)
    // Studio staff must sign in with a second factor: they get an authenticator app, as if set up.
    const totpSecret =
      (options.totp ?? ROLES_WITH_SECOND_FACTOR.includes(options.role)) ? newTotpSecret() : undefined
    const [row] = await withSql(async (sql) => {
      const made = await sql<{ id: string }[]>`
        insert into app.users (email, name, role, company_id, password_hash)
        values (${email}, ${options.name}, ${options.role}, ${options.companyId}, ${passwordHash})
        returning id`
      if (made[0] && totpSecret) await giveTotp(sql, made[0].id, totpSecret)
      return made
    })
    if (!row) throw new Error('fixture: user not created')
    return { id: row.id, email, password, name: options.name, totpSecret }
  }

  /** An automation with a two-step flow, in the given state. */
  async automation(
    companyId: string,
    title: string,
    status: 'active' | 'paused' | 'draft',
  ): Promise<{ id: string; title: string }> {
    const flow = {
      nodes: [
        { id: 'trigger', type: 'trigger', label: 'Form submitted' },
        { id: 'notify', type: 'action', label: 'Post to the team channel' },
      ],
      edges: [{ from: 'trigger', to: 'notify' }],
    }
    const fullTitle = `${title} ${this.tag}`
    const [row] = await withSql(
      (sql) => sql<{ id: string }[]>`
        insert into app.automations (company_id, title, description, flow, status)
        values (${companyId}, ${fullTitle}, 'Made by the dashboard browser tests.', ${sql.json(flow)}, ${status})
        returning id`,
    )
    if (!row) throw new Error('fixture: automation not created')
    return { id: row.id, title: fullTitle }
  }

  /** A lead from the contact form with one note by `authorId`, as the team's lead page shows it. */
  async lead(name: string, authorId: string): Promise<{ id: string }> {
    const email = this.email('lead')
    const [row] = await withSql(async (sql) => {
      const [lead] = await sql<{ id: string }[]>`
        insert into app.leads (name, email, company, message, status, idempotency_key)
        values (${name}, ${email}, 'Apoapsis Instruments', 'We need a launch site with a 3D model of our probe.',
          'contacted', ${`dashboard-e2e-${this.tag}`})
        returning id`
      if (lead) {
        await sql`insert into app.lead_notes (lead_id, author_id, body)
          values (${lead.id}, ${authorId}, 'Called them: launch in spring, budget confirmed.')`
      }
      return [lead]
    })
    if (!row) throw new Error('fixture: lead not created')
    return { id: row.id }
  }

  async cleanup(): Promise<void> {
    const addresses = `%-${this.tag}@dashboard-e2e.example`
    await withSql(async (sql) => {
      await sql`delete from app.leads where email like ${addresses}`
      await sql`delete from app.users where email like ${addresses}`
      if (this.companyIds.length > 0) await sql`delete from app.companies where id in ${sql(this.companyIds)}`
    })
  }
}

/**
 * The link in the newest e-mail of `kind` that reached `to`, read from the test system's inbox (what
 * the person clicks): the Worker's outbox job delivered it over SMTP within seconds.
 */
export async function emailedLink(kind: OutboxLinkKind, to: string): Promise<string> {
  const { subject, path } = EMAILED_LINKS[kind]
  return linkIn(await waitForEmail(to, subject), path)
}

/** Audit log lines of one action on one target, oldest first. */
export async function auditEntries(action: string, targetId: string) {
  return withSql(
    (sql) => sql<{ actorId: string | null; companyId: string | null; details: Record<string, unknown> }[]>`
      select actor_id as "actorId", company_id as "companyId", details from app.audit_log
      where action = ${action} and target_id = ${targetId} order by at`,
  )
}

/** A new browser context without JavaScript, optionally already signed in. */
export async function noScriptPage(
  browser: Browser,
  baseURL: string | undefined,
  storageState?: SignedInState,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState })
  return context.newPage()
}

/** What has keyboard focus, in words, for failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'nothing'
    const label = el.getAttribute('aria-label') ?? el.getAttribute('name') ?? el.textContent ?? ''
    return `${el.tagName.toLowerCase()} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`
  })
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, as a keyboard user moves through
 * the page; fails, naming the stops it passed, if it never gets there.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 80 }: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  await expect(target).toBeVisible()
  const passed: string[] = []
  for (let stop = 0; stop < max; stop++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
    passed.push(await describeFocus(page))
  }
  throw new Error(`the keyboard never reached ${target} in ${max} stops: ${passed.join(' → ')}`)
}

/** Tabs to a text field and types `text` into it (after selecting what it held, with `replace`). */
export async function typeInto(
  page: Page,
  field: Locator,
  text: string,
  { replace = false }: { replace?: boolean } = {},
): Promise<void> {
  await tabTo(page, field)
  if (replace) await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  await expect(field).toHaveValue(text)
}

/** Tabs to a link or button and activates it with `key` (Enter, or Space for a button). */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target)
  await expect(target).toBeFocused()
  await page.keyboard.press(key)
}

/** Tabs to a `<select>` and moves through its options with the arrow keys until `label` is chosen. */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select)
  const labels = await select.locator('option').allTextContents()
  const target = labels.findIndex((text) => text.trim() === label)
  if (target < 0) throw new Error(`no option "${label}" in ${select}: ${labels.join(', ')}`)
  const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex)
  const key = target > current ? 'ArrowDown' : 'ArrowUp'
  for (let i = 0; i < Math.abs(target - current); i++) await page.keyboard.press(key)
  await expect(select.locator('option:checked')).toHaveText(label)
}

/**
 * Signs in on `/login` by keyboard: Tab to Email, type, Tab to Password, type, Enter; for an account
 * with an authenticator app (`totpSecret`), then a fresh code on the second step and Enter. The
 * caller checks where it lands (the dashboard, or the form again with a message).
 */
export async function signIn(
  page: Page,
  { email, password, totpSecret }: Credentials,
  path = '/login',
): Promise<void> {
  await page.goto(path)
  await typeInto(page, page.getByLabel('Email'), email)
  await typeInto(page, page.getByLabel('Password', { exact: true }), password)
  const answered = totpSecret
    ? page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame())
    : undefined
  await page.keyboard.press('Enter')
  if (!totpSecret || !answered) return
  await answered
  // A wrong password answers with the sign-in page again: nothing more to type.
  if (new URL(page.url()).pathname !== '/login/second-factor') return
  await enterTotpCode(page, email, totpSecret)
}

/** On the second step: types a code the Worker has not seen yet into the app's field, then Enter. */
export async function enterTotpCode(page: Page, email: string, totpSecret: string): Promise<void> {
  await typeInto(
    page,
    page.getByLabel('Code from your authenticator app'),
    await freshCode(email, totpSecret),
  )
  await page.keyboard.press('Enter')
}

/** Signs out with the header's button (a form post), and checks the answer. */
export async function signOut(page: Page): Promise<void> {
  await activate(page, page.getByRole('button', { name: 'Sign out', exact: true }))
  await expect(page).toHaveURL(/\/login$/)
  await expect(page.getByRole('status')).toHaveText('You have signed out.')
}

/** Signs `user` in, in a context of its own, and returns its cookies for signed-in contexts. */
export async function signedInState(
  browser: Browser,
  baseURL: string | undefined,
  user: Credentials,
): Promise<SignedInState> {
  const page = await noScriptPage(browser, baseURL)
  try {
    await signIn(page, user)
    await expect(page).toHaveURL(/\/dashboard$/)
    return await page.context().storageState()
  } finally {
    await page.context().close()
  }
}

/**
 * Runs axe on the document the page shows; fails listing each violation and element. axe needs
 * script in the page (its checks run on timers, which Chromium does not fire with JavaScript off),
 * so it runs on a copy: the same document, at the same URL, served to a second page that has
 * JavaScript on. The dashboard's pages carry no script of their own, so both show the same thing.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const browser = page.context().browser()
  if (!browser) throw new Error('axe: the page has no browser')
  const url = page.url()
  const html = await page.content()
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() })
  try {
    const copy = await context.newPage()
    await copy.route(
      (target) => target.href === url,
      (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    )
    await copy.goto(url)
    const { violations, passes } = await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze()
    expect(violations, `${url}\n${describeViolations(violations)}`).toEqual([])
    // A run that checked nothing would pass too: make sure the rules really ran on this page.
    expect(passes.length).toBeGreaterThan(10)
  } finally {
    await context.close()
  }
}

/**
 * From the top of the freshly loaded page, Tabs through the first `stops` focus stops (fewer when the
 * page has fewer, but at least the skip link and the header's links): the first is a skip link to
 * `main`, and each shows an outline (≥ 2 px, ≥ 3:1 against its background) or a box-shadow.
 */
export async function expectVisibleFocus(page: Page, stops = 6): Promise<void> {
  const seen: string[] = []
  for (let stop = 0; stop < stops; stop++) {
    await page.keyboard.press('Tab')
    const indicator = await focusIndicator(page)
    if (!indicator) break
    if (stop === 0) {
      expect(indicator.text, 'the first Tab stop').toMatch(/skip to content/i)
      expect(indicator.href).toBe('#main')
    }
    const outlined = indicator.outlineStyle !== 'none' && indicator.outlineWidth >= 2
    expect(outlined || indicator.boxShadow !== 'none', `no focus indicator on ${indicator.element}`).toBe(
      true,
    )
    if (outlined) {
      expect(
        contrast(indicator.outlineColor, indicator.background),
        `focus outline contrast on ${indicator.element}`,
      ).toBeGreaterThanOrEqual(3)
    }
    seen.push(indicator.element)
  }
  expect(seen.length, `Tab stops: ${seen.join(' → ')}`).toBeGreaterThanOrEqual(3)
}
