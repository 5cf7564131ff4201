import type { Browser, Page } from '@playwright/test'
import { testUrls } from './system.ts'

/**
 * Opens `path` on the Worker in a new browser context, as a visitor arriving after a rebuild would:
 * no cached copy, no open connection. Under `wrangler dev`, a browser that loaded the page before
 * the rebuild was at times answered the old page for a while after the new files were served to new
 * requests (the dev server's asset cache and reloads; a deploy in production swaps whole versions).
 * The caller closes the returned page's context.
 */
export async function visitFresh(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: testUrls.worker })
  const page = await context.newPage()
  await page.goto(path)
  return page
}
