import { BrowserNotFoundError, findChromium } from '@kairo/assets-pipeline/browser'
import { UserFacingError } from './log.ts'

/**
 * Finds (or unpacks, on a fresh machine) the headless Chromium once and exports its path as
 * CHROMIUM_PATH, so every child process (the seed's poster renderer, the CMS, the browser tests)
 * uses the same binary and none of them unpacks its own copy at the same time.
 */
export async function ensureBrowser(): Promise<string> {
  try {
    const path = await findChromium()
    process.env.CHROMIUM_PATH = path
    return path
  } catch (error) {
    if (error instanceof BrowserNotFoundError) throw new UserFacingError(error.message)
    throw error
  }
}
