import { testSystem } from '@kairo/tools'
import { type APIRequestContext, expect, type Page } from '@playwright/test'
import { demoEditor, testUrls } from './system.ts'

/**
 * The admin at the CMS's own origin (its `CMS_URL`, tools' cmsEnv). Payload accepts the session
 * cookie only from the origins in its CSRF list: that one, and its other loopback names
 * (cms/src/utilities/loopback-origins.ts), so the admin works at 127.0.0.1 too.
 */
export const adminUrl = `http://localhost:${testSystem.ports.cms}/admin`

/** Logs the seeded editor into the CMS admin through its login form, as a person would. */
export async function logInToAdmin(page: Page): Promise<void> {
  await page.goto(adminUrl)
  await page.getByLabel(/email/i).fill(demoEditor.email)
  await page.getByLabel(/password/i).fill(demoEditor.password)
  await page.getByRole('button', { name: /log ?in/i }).click()
  await expect(page).not.toHaveURL(/\/login/)
}

/** A REST token for the seeded editor (what the admin's session cookie stands for). */
export async function editorToken(request: APIRequestContext): Promise<string> {
  const login = await request.post(`${testUrls.cms}/api/users/login`, { data: demoEditor })
  expect(login.ok()).toBe(true)
  return ((await login.json()) as { token: string }).token
}

/**
 * One field of a CMS document as the REST API answers it: anonymously (the published version, what
 * the site's build reads), or with the editor's token and `draft=true` (the latest version).
 */
export async function cmsField(
  request: APIRequestContext,
  path: string,
  field: string,
  token?: string,
): Promise<unknown> {
  const headers: Record<string, string> = token ? { Authorization: `JWT ${token}` } : {}
  const response = await request.get(`${testUrls.cms}${path}`, { headers })
  return ((await response.json()) as Record<string, unknown>)[field]
}
