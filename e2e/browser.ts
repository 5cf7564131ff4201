import { findChromium } from '@kairo/assets-pipeline/browser'
import type { LaunchOptions } from '@playwright/test'

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else one installed on the machine, else the one
 * shipped in the npm package `@sparticuz/chromium` (no `playwright install` offline, nothing from apt;
 * see assets-pipeline/src/browser.ts). The background-networking flags keep it from flooding a closed
 * network.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: await findChromium(),
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
}
