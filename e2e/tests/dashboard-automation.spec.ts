import { expect, type Page, test } from '@playwright/test'
import { activate, auditEntries, DashboardFixtures, signIn, withSql } from '../dashboard.ts'

// A client pauses and resumes one of their automations, by keyboard with JavaScript off: each change
// goes through a confirmation page, shows the new state, and leaves one audit line.
test.use({ javaScriptEnabled: false })

const fixtures = new DashboardFixtures()
test.afterAll(() => fixtures.cleanup())

function stateOf(page: Page) {
  // The "State" entry of the automation's details list.
  return page.locator('dt', { hasText: /^State$/ }).locator('xpath=following-sibling::dd[1]')
}

async function statusInDb(id: string): Promise<string | undefined> {
  const [row] = await withSql(
    (sql) => sql<{ status: string }[]>`select status from app.automations where id = ${id}`,
  )
  return row?.status
}

test('pause (after a cancelled first try) and resume, each confirmed, each audited', async ({ page }) => {
  const company = await fixtures.company('Pause Test Co')
  const client = await fixtures.user({
    label: 'pauser',
    name: 'Pia Pauser',
    role: 'client',
    companyId: company.id,
  })
  const automation = await fixtures.automation(company.id, 'Lead alert', 'active')

  await signIn(page, client)
  await expect(page).toHaveURL(/\/dashboard$/)
  await activate(
    page,
    page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Automations' }),
  )
  await expect(page).toHaveURL(/\/dashboard\/automations$/)
  await activate(page, page.getByRole('link', { name: automation.title }))
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}$`))
  await expect(stateOf(page)).toHaveText('Running')

  // The first try is cancelled on the confirmation page: nothing changes, nothing is written.
  await activate(page, page.getByRole('link', { name: 'Pause automation…' }))
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}/pause$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pause “${automation.title}”?`)
  await activate(page, page.getByRole('link', { name: 'Cancel, keep it running' }))
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}$`))
  await expect(stateOf(page)).toHaveText('Running')
  expect(await statusInDb(automation.id)).toBe('active')
  expect(await auditEntries('automation.paused', automation.id)).toHaveLength(0)

  // Now confirmed, with Space on the button.
  await activate(page, page.getByRole('link', { name: 'Pause automation…' }))
  await activate(page, page.getByRole('button', { name: 'Yes, pause it' }), 'Space')
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}$`))
  await expect(page.getByRole('status')).toHaveText(
    `“${automation.title}” is paused: it will not run until you resume it.`,
  )
  await expect(stateOf(page)).toHaveText('Paused')
  await expect(page.getByRole('link', { name: 'Pause automation…' })).toHaveCount(0)
  expect(await statusInDb(automation.id)).toBe('paused')
  expect(await auditEntries('automation.paused', automation.id)).toEqual([
    {
      actorId: client.id,
      companyId: company.id,
      details: { from: 'active', to: 'paused', title: automation.title },
    },
  ])

  // And resumed, confirmed with Enter.
  await activate(page, page.getByRole('link', { name: 'Resume automation…' }))
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}/resume$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Resume “${automation.title}”?`)
  await activate(page, page.getByRole('button', { name: 'Yes, resume it' }))
  await expect(page).toHaveURL(new RegExp(`/dashboard/automations/${automation.id}$`))
  await expect(page.getByRole('status')).toHaveText(`“${automation.title}” is resumed: it runs again.`)
  await expect(stateOf(page)).toHaveText('Running')
  expect(await statusInDb(automation.id)).toBe('active')
  expect(await auditEntries('automation.resumed', automation.id)).toEqual([
    {
      actorId: client.id,
      companyId: company.id,
      details: { from: 'paused', to: 'active', title: automation.title },
    },
  ])

  // The list shows the state too.
  await activate(page, page.getByRole('link', { name: 'All automations' }))
  await expect(page.getByRole('row', { name: new RegExp(automation.title) })).toContainText('Running')
})
