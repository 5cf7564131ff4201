import type { Page } from '@playwright/test'
import postgres from 'postgres'
import { requiredEnv } from './system.ts'

/** What a visitor types into the contact form. */
export interface ContactInput {
  name: string
  email: string
  company?: string
  message: string
}

/** A plausible visitor with an address no other test uses, so their leads can be counted alone. */
export function newVisitor(): ContactInput {
  return {
    name: 'Ada Vance',
    email: `visitor-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    company: 'Heliopause Labs',
    message: 'We are launching a small satellite and need a site with a 3D model of it.',
  }
}

/** Fills the contact form on the current page by its visible labels, as a visitor would. */
export async function fillContactForm(page: Page, input: ContactInput): Promise<void> {
  await page.getByLabel('Name').fill(input.name)
  await page.getByLabel('Email').fill(input.email)
  if (input.company !== undefined) await page.getByLabel('Company (optional)').fill(input.company)
  await page.getByLabel('Message').fill(input.message)
}

/** How many leads `app.leads` holds: for one email address, or in all when none is given. */
export async function leadsFrom(email?: string): Promise<number> {
  const sql = postgres(requiredEnv('DATABASE_URL'), { max: 1 })
  try {
    const where = email === undefined ? sql`` : sql`where email = ${email}`
    const [row] = await sql<{ count: number }[]>`select count(*)::int as count from app.leads ${where}`
    return row?.count ?? 0
  } finally {
    await sql.end()
  }
}
