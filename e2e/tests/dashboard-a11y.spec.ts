import { expect, type Page, test } from '@playwright/test'
import {
  activate,
  chooseOption,
  DashboardFixtures,
  demoAutomations,
  demoCompany,
  demoProjects,
  demoUsers,
  emailedLink,
  expectNoAxeViolations,
  expectVisibleFocus,
  noScriptPage,
  type SignedInState,
  signedInState,
  signIn,
  typeInto,
  withSql,
} from '../dashboard.ts'

// Every dashboard page, with JavaScript off: axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing, there is
// one h1, and the first Tab stops are the skip link and then elements that show where focus is.
// Pages are seen as a signed-out visitor, as a client of the demo company and as a studio admin
// (this spec's own users, so no other spec's sign-ins count against their rate limits), in the
// states a person meets them in: after a wrong password, with a form error, from an emailed link.

type Who = 'visitor' | 'client' | 'admin'

/** What the pages need: ids from the database and links from the test inbox, found once. */
interface Setup {
  companyId: string
  clientId: string
  projectId: string
  activeAutomationId: string
  pausedAutomationId: string
  leadId: string
  /** A team member with an authenticator app: their page shows the admin's reset form. */
  staffId: string
  /** An outgoing webhook endpoint this spec registered. */
  endpointId: string
  resetLink: string
  inviteLink: string
}

/** Brings the page under test up in `page`. */
type Open = (page: Page, setup: Setup) => Promise<void>

/** Goes to a path (or link) and checks the answer's status. */
function at(where: (setup: Setup) => string, status = 200): Open {
  return async (page, setup) => {
    const path = where(setup)
    const response = await page.goto(path)
    expect(response?.status(), `${path} answered`).toBe(status)
  }
}

const PAGES: [name: string, who: Who, open: Open][] = [
  ['sign in', 'visitor', at(() => '/login')],
  [
    'sign in, after a wrong password',
    'visitor',
    async (page) => {
      await signIn(page, { email: fixtures.email('nobody'), password: 'not the password at all' })
      await expect(page.getByRole('alert')).toContainText('The email address or password is not right.')
    },
  ],
  ['password reset: ask for a link', 'visitor', at(() => '/password-reset')],
  ['password reset: link sent', 'visitor', at(() => '/password-reset?sent=1')],
  ['password reset: choose a new password', 'visitor', at((s) => s.resetLink)],
  ['password reset: a link that does not work', 'visitor', at(() => '/password-reset/not-a-real-link', 404)],
  ['invitation: create the account', 'visitor', at((s) => s.inviteLink)],
  ['invitation: a link that does not work', 'visitor', at(() => '/invite/not-a-real-link', 404)],
  ['overview', 'client', at(() => '/dashboard')],
  ['projects', 'client', at(() => '/dashboard/projects')],
  ['a project', 'client', at((s) => `/dashboard/projects/${s.projectId}`)],
  ['automations', 'client', at(() => '/dashboard/automations')],
  ['an automation', 'client', at((s) => `/dashboard/automations/${s.activeAutomationId}`)],
  ['pause confirmation', 'client', at((s) => `/dashboard/automations/${s.activeAutomationId}/pause`)],
  ['resume confirmation', 'client', at((s) => `/dashboard/automations/${s.pausedAutomationId}/resume`)],
  ['profile', 'client', at(() => '/dashboard/profile')],
  ['not found', 'client', at(() => '/dashboard/projects/00000000-0000-4000-8000-000000000000', 404)],
  ['overview, team view', 'admin', at(() => '/dashboard')],
  ['leads', 'admin', at(() => '/dashboard/leads')],
  ['leads, searched', 'admin', at(() => '/dashboard/leads?q=lia')],
  ['analytics', 'admin', at(() => '/dashboard/analytics')],
  ['analytics, a year', 'admin', at(() => '/dashboard/analytics?weeks=52')],
  ['a lead', 'admin', at((s) => `/dashboard/leads/${s.leadId}`)],
  ['companies', 'admin', at(() => '/dashboard/companies')],
  ['a company', 'admin', at((s) => `/dashboard/companies/${s.companyId}`)],
  ['new company', 'admin', at(() => '/dashboard/companies/new')],
  ['edit a company', 'admin', at((s) => `/dashboard/companies/${s.companyId}/edit`)],
  [
    'edit a company, with an error',
    'admin',
    async (page, setup) => {
      // A plain-http address: the server refuses it on its field and keeps what was typed.
      await page.goto(`/dashboard/companies/${setup.companyId}/edit`)
      await typeInto(page, page.getByLabel('Website (optional)'), 'http://orbital.example', { replace: true })
      await activate(page, page.getByRole('button', { name: 'Save changes' }))
      await expect(page.getByRole('alert')).toContainText('starting with https://')
      await expect(page.getByLabel('Website (optional)')).toHaveValue('http://orbital.example')
    },
  ],
  ['new project', 'admin', at((s) => `/dashboard/companies/${s.companyId}/projects/new`)],
  ['a project, team view', 'admin', at((s) => `/dashboard/projects/${s.projectId}`)],
  ['edit a project', 'admin', at((s) => `/dashboard/projects/${s.projectId}/edit`)],
  ['new automation', 'admin', at((s) => `/dashboard/companies/${s.companyId}/automations/new`)],
  ['an automation, team view', 'admin', at((s) => `/dashboard/automations/${s.activeAutomationId}`)],
  ['edit an automation', 'admin', at((s) => `/dashboard/automations/${s.activeAutomationId}/edit`)],
  [
    'an automation, with a flow error',
    'admin',
    async (page, setup) => {
      // A connection from a step to itself: refused on its field, the flow left as it was.
      await page.goto(`/dashboard/automations/${setup.activeAutomationId}`)
      const step = demoAutomations[0].flow.nodes[1]
      if (!step) throw new Error('the demo automation has no second step')
      await chooseOption(page, page.locator('#connection-from'), `${step.label} (${step.id})`)
      await chooseOption(page, page.locator('#connection-to'), `${step.label} (${step.id})`)
      await activate(page, page.getByRole('button', { name: 'Add connection' }))
      await expect(page.getByRole('alert')).toContainText('A step cannot lead to itself')
    },
  ],
  ['users', 'admin', at(() => '/dashboard/users')],
  ['a user', 'admin', at((s) => `/dashboard/users/${s.clientId}`)],
  ['invitations', 'admin', at(() => '/dashboard/invitations')],
  ['invite someone', 'admin', at(() => '/dashboard/invitations/new')],
  ['a user with a second factor', 'admin', at((s) => `/dashboard/users/${s.staffId}`)],
  ['undelivered e-mail', 'admin', at(() => '/dashboard/outbox')],
  ['operations', 'admin', at(() => '/dashboard/ops')],
  ['webhooks', 'admin', at(() => '/dashboard/webhooks')],
  ['new webhook endpoint', 'admin', at(() => '/dashboard/webhooks/new')],
  [
    'new webhook endpoint, with an error',
    'admin',
    async (page) => {
      // An address the browser accepts but no event chosen: the server refuses it on its field and
      // keeps what was typed.
      await page.goto('/dashboard/webhooks/new')
      await typeInto(page, page.getByLabel('Address'), `${ENDPOINT_BASE}/no-events`)
      await activate(page, page.getByRole('button', { name: 'Register endpoint' }))
      await expect(page.getByRole('alert')).toBeVisible()
      await expect(page.getByLabel('Address')).toHaveValue(`${ENDPOINT_BASE}/no-events`)
    },
  ],
  [
    'webhook endpoint: its secret, shown once',
    'admin',
    async (page) => {
      await registerEndpoint(page, 'a11y-secret')
      await expect(page.getByRole('status')).toContainText('The secret is shown only now')
    },
  ],
  ['a webhook endpoint', 'admin', at((s) => `/dashboard/webhooks/${s.endpointId}`)],
  ['edit a webhook endpoint', 'admin', at((s) => `/dashboard/webhooks/${s.endpointId}/edit`)],
  [
    'invite someone, with an error',
    'admin',
    async (page) => {
      // An address that already has an account: the server refuses it, field by field.
      await page.goto('/dashboard/invitations/new')
      await typeInto(page, page.getByLabel('Email'), demoUsers.client.email)
      await chooseOption(page, page.getByLabel('Company'), demoCompany.name)
      await activate(page, page.getByRole('button', { name: 'Send invitation' }))
      await expect(page.getByRole('alert')).toContainText('An account with this email already exists')
    },
  ],
]

/** The address of this spec's endpoints: nothing listens there, and afterAll deletes them. */
const ENDPOINT_BASE = 'https://a11y-receiver.example/kairo'

/**
 * Registers an outgoing endpoint through the form, for the one event no other spec causes here,
 * and leaves the page on its secret; answers the endpoint's id.
 */
async function registerEndpoint(page: Page, name: string): Promise<string> {
  await page.goto('/dashboard/webhooks/new')
  await typeInto(page, page.getByLabel('Address'), `${ENDPOINT_BASE}/${name}`)
  await typeInto(page, page.getByLabel('Description (optional)'), `A11y ${name}`)
  await activate(page, page.getByRole('checkbox', { name: /Automation run failed/ }), 'Space')
  await activate(page, page.getByRole('button', { name: 'Register endpoint' }))
  const link = page.getByRole('link', { name: 'Go to the endpoint' })
  const href = await link.getAttribute('href')
  const id = /\/dashboard\/webhooks\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1]
  if (!id) throw new Error(`no endpoint link after registering (${href})`)
  return id
}

const fixtures = new DashboardFixtures()
let setup: Setup
const states: Partial<Record<Who, SignedInState>> = {}

test.beforeAll(async ({ browser, baseURL }) => {
  const ids = await withSql(async (sql) => {
    const [company] = await sql<
      { id: string }[]
    >`select id from app.companies where slug = ${demoCompany.slug}`
    if (!company) throw new Error('the demo company is not seeded')
    const automation = (title: string) =>
      sql<
        { id: string }[]
      >`select id from app.automations where company_id = ${company.id} and title = ${title}`
    const [project] = await sql<{ id: string }[]>`
      select id from app.projects where company_id = ${company.id} and name = ${demoProjects[0].name}`
    const [active] = await automation(demoAutomations[0].title)
    const [paused] = await automation(demoAutomations[1].title)
    if (!project || !active || !paused) throw new Error('the demo projects and automations are not seeded')
    return { companyId: company.id, projectId: project.id, activeId: active.id, pausedId: paused.id }
  })
  const client = await fixtures.user({
    label: 'a11y-client',
    name: 'Aly Client',
    role: 'client',
    companyId: ids.companyId,
  })
  const admin = await fixtures.user({
    label: 'a11y-admin',
    name: 'Ada Admin',
    role: 'admin',
    companyId: null,
  })
  const forgetful = await fixtures.user({
    label: 'a11y-reset',
    name: 'Rey Reset',
    role: 'client',
    companyId: ids.companyId,
  })
  const staff = await fixtures.user({ label: 'a11y-staff', name: 'Tam Team', role: 'team', companyId: null })
  const lead = await fixtures.lead('Lia Lead', admin.id)
  const inviteCompany = await fixtures.company('A11y Invite Co')
  states.client = await signedInState(browser, baseURL, client)
  states.admin = await signedInState(browser, baseURL, admin)

  // A reset link and an invitation link, asked for the way a person would.
  const page = await noScriptPage(browser, baseURL, states.admin)
  try {
    await page.goto('/password-reset')
    await typeInto(page, page.getByLabel('Email'), forgetful.email)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/password-reset\?sent=1$/)
    const invitee = fixtures.email('a11y-invitee')
    await page.goto('/dashboard/invitations/new')
    await typeInto(page, page.getByLabel('Email'), invitee)
    await chooseOption(page, page.getByLabel('Company'), inviteCompany.name)
    await activate(page, page.getByRole('button', { name: 'Send invitation' }))
    await expect(page.getByRole('status')).toHaveText(`Invitation sent to ${invitee}.`)
    const endpointId = await registerEndpoint(page, 'a11y-endpoint')
    setup = {
      companyId: ids.companyId,
      clientId: client.id,
      projectId: ids.projectId,
      activeAutomationId: ids.activeId,
      pausedAutomationId: ids.pausedId,
      leadId: lead.id,
      staffId: staff.id,
      endpointId,
      resetLink: await emailedLink('auth.password_reset', forgetful.email),
      inviteLink: await emailedLink('auth.invitation', invitee),
    }
  } finally {
    await page.context().close()
  }
})

test.afterAll(async () => {
  await withSql((sql) => sql`delete from app.webhook_endpoints where url like ${`${ENDPOINT_BASE}/%`}`)
  await fixtures.cleanup()
})

for (const [name, who, open] of PAGES) {
  test(`${name} (${who}): no axe violations, one h1, visible focus`, async ({ browser, baseURL }) => {
    const page = await noScriptPage(browser, baseURL, who === 'visitor' ? undefined : states[who])
    try {
      await open(page, setup)
      // A signed-in page must really be the signed-in one, not the sign-in form it would redirect to.
      if (who !== 'visitor') await expect(page).not.toHaveURL(/\/login/)
      await expect(page.locator('h1')).toHaveCount(1)
      await expectVisibleFocus(page)
      await expectNoAxeViolations(page)
    } finally {
      await page.context().close()
    }
  })
}
