import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './browser.ts'
import { testUrls } from './system.ts'

/**
 * End-to-end tests through Debian's Chromium against the real system (CMS `next start`, the built site,
 * the Worker under `wrangler dev`, PostgreSQL), started once by the global setup.
 */
export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json']],
  forbidOnly: true,
  use: {
    baseURL: testUrls.worker,
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
})
