import { expect, type Page, test } from '@playwright/test'
import {
  activate,
  auditEntries,
  chooseOption,
  DashboardFixtures,
  expectNoAxeViolations,
  noScriptPage,
  signIn,
  typeInto,
  withSql,
} from '../dashboard.ts'

// A team member creates an automation for a company and builds its flow, by keyboard with JavaScript
// off: three steps, two connections (after a refused one), one step removed; the diagram on the same
// page follows each change, and each change leaves an audit line. Then a client of the company sees
// the automation, its diagram and its run chart, and no editor. axe on every new page state.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

/** The flow diagram (an image named after the automation) and its steps in words. */
const diagram = (page: Page) => page.getByRole('img', { name: /^Flow of “/ })
const steps = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('listitem')
const arrows = (page: Page) => page.locator('svg.flow path[marker-end]')

/** Adds a step through the "Add a step" form: type, label, and the id left to be made. */
async function addStep(page: Page, type: string, label: string) {
  await chooseOption(page, page.locator('#step-type'), type)
  await typeInto(page, page.locator('#step-label'), label)
  await activate(page, page.getByRole('button', { name: 'Add step' }))
  await expect(page.getByRole('status')).toContainText(`Step “${label}” added (id `)
}

/** Adds a connection through the "Add a connection" form, choosing both steps by keyboard. */
async function connect(page: Page, from: string, to: string) {
  await chooseOption(page, page.locator('#connection-from'), from)
  await chooseOption(page, page.locator('#connection-to'), to)
  await activate(page, page.getByRole('button', { name: 'Add connection' }))
}

test('the team builds an automation’s flow by keyboard; the client sees it and its run chart', async ({
  page,
  browser,
  baseURL,
}) => {
  const company = await fixtures.company('Flow Edit Co')
  const member = await fixtures.user({ label: 'flow-team', name: 'Fern Flow', role: 'team', companyId: null })
  const client = await fixtures.user({
    label: 'flow-client',
    name: 'Cass Client',
    role: 'client',
    companyId: company.id,
  })
  const title = `Lead routing ${fixtures.tag}`

  await signIn(page, member)
  await expect(page).toHaveURL(/\/dashboard$/)
  await activate(
    page,
    page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Companies' }),
  )
  await activate(page, page.getByRole('link', { name: company.name }))
  await activate(page, page.getByRole('link', { name: `New automation for ${company.name}` }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`New automation for ${company.name}`)
  await expectNoAxeViolations(page)

  await typeInto(page, page.getByLabel('Title'), title)
  await chooseOption(page, page.getByLabel('State'), 'Active (running)')
  await chooseOption(page, page.getByLabel('Looked after by (optional)'), 'Fern Flow')
  await typeInto(page, page.getByLabel('Description (optional)'), 'Sends new leads where they belong.')
  await activate(page, page.getByRole('button', { name: 'Create automation' }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('status')).toHaveText(`“${title}” was created. Add its steps below.`)
  await expect(page.getByText('This automation has no steps yet.')).toBeVisible()
  const automationId = /\/automations\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? ''
  expect(automationId).not.toBe('')
  await expectNoAxeViolations(page)

  // Three steps; the diagram draws each as it is added.
  await addStep(page, 'Trigger (starts the flow)', 'Form submitted')
  await expect(steps(page)).toHaveText(['Trigger: Form submitted; the flow ends here.'])
  await addStep(page, 'Condition (a branch)', 'Company e-mail?')
  await addStep(page, 'Action', 'Post to the team channel')
  await expect(steps(page)).toHaveCount(3)
  await expect(diagram(page)).toBeVisible()
  await expect(page.locator('svg.flow rect')).toHaveCount(3)
  await expect(arrows(page)).toHaveCount(0)
  await expectNoAxeViolations(page)

  // A connection from a step to itself is refused by its field, the choices kept.
  await connect(page, 'Company e-mail? (company-e-mail)', 'Company e-mail? (company-e-mail)')
  await expect(page.getByRole('alert')).toContainText('A step cannot lead to itself')
  await expect(page.locator('#connection-to')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#connection-from option:checked')).toHaveText('Company e-mail? (company-e-mail)')
  await expectNoAxeViolations(page)

  // Two connections: trigger → condition → action.
  await connect(page, 'Form submitted (form-submitted)', 'Company e-mail? (company-e-mail)')
  await expect(page.getByRole('status')).toHaveText(
    'Connection from “Form submitted” to “Company e-mail?” added.',
  )
  await connect(
    page,
    'Company e-mail? (company-e-mail)',
    'Post to the team channel (post-to-the-team-channel)',
  )
  await expect(arrows(page)).toHaveCount(2)
  await expect(steps(page)).toHaveText([
    'Trigger: Form submitted; then “Company e-mail?”.',
    'Condition: Company e-mail?; then “Post to the team channel”.',
    'Action: Post to the team channel; the flow ends here.',
  ])
  await expectNoAxeViolations(page)

  // One step removed, with its connection; the diagram follows.
  await activate(page, page.getByRole('button', { name: /^Remove step\W+Post to the team channel$/ }))
  await expect(page.getByRole('status')).toHaveText(
    'Step “Post to the team channel” removed with its connection.',
  )
  await expect(page.locator('svg.flow rect')).toHaveCount(2)
  await expect(arrows(page)).toHaveCount(1)
  await expect(steps(page)).toHaveText([
    'Trigger: Form submitted; then “Company e-mail?”.',
    'Condition: Company e-mail?; the flow ends here.',
  ])
  await expectNoAxeViolations(page)

  expect(await auditEntries('automation.created', automationId)).toEqual([
    {
      actorId: member.id,
      companyId: company.id,
      details: { title, status: 'active', steps: 0 },
    },
  ])
  const changes = await auditEntries('automation.flow_changed', automationId)
  expect(changes.map((entry) => entry.details.change)).toEqual([
    'step_added',
    'step_added',
    'step_added',
    'connection_added',
    'connection_added',
    'step_removed',
  ])
  expect(changes.every((entry) => entry.actorId === member.id)).toBe(true)

  // The engine has reported a few runs over the month.
  await withSql(
    (sql) => sql`
      insert into app.automation_runs (automation_id, started_at, finished_at, outcome, duration_ms)
      select ${automationId}, now() - d * interval '1 day', now() - d * interval '1 day' + interval '2 seconds',
        case when d = 3 then 'failure' else 'success' end::app.automation_run_outcome, 2000
      from unnest(array[1, 2, 3, 8, 15]) as d`,
  )

  // The client of the company sees the automation, its diagram and the chart, and no editor.
  const clientPage = await noScriptPage(browser, baseURL)
  try {
    await signIn(clientPage, client)
    await expect(clientPage).toHaveURL(/\/dashboard$/)
    await activate(
      clientPage,
      clientPage.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Automations' }),
    )
    await activate(clientPage, clientPage.getByRole('link', { name: title }))
    await expect(clientPage.getByRole('heading', { level: 1 })).toHaveText(title)
    await expect(diagram(clientPage)).toBeVisible()
    await expect(steps(clientPage)).toHaveCount(2)
    const chart = clientPage.getByRole('img', { name: 'Runs per day over the last 30 days, by outcome' })
    await expect(chart).toBeVisible()
    await expect(chart).toHaveAccessibleDescription(/^5 runs: 4 succeeded, 1 failed, 0 still running\./)
    await expect(clientPage.getByRole('img', { name: /^Success rate per day/ })).toHaveAccessibleDescription(
      /^80% of the finished runs succeeded/,
    )
    await expect(clientPage.getByRole('heading', { name: 'Edit the flow' })).toHaveCount(0)
    await expect(clientPage.getByRole('button', { name: /Remove step/ })).toHaveCount(0)
    await expectNoAxeViolations(clientPage)
  } finally {
    await clientPage.context().close()
  }
})
