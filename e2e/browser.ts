import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium (no `playwright install` offline). The background-networking flags keep it from
 * flooding a closed network; CHROMIUM_PATH overrides the binary.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

if (!existsSync(executablePath)) {
  throw new Error(
    `Chromium not found at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
  )
}

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
}
