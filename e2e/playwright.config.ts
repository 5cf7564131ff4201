import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './browser.ts'
import { testUrls } from './system.ts'

/**
 * Specs that only read the shared system (pages, axe, the crawl, the islands' own fixture site, a
 * health check on a Worker and database of its own) run first. Specs that change
 * what others would see (passwords and sessions, published content and the site build, leads and
 * mail) then run one at a time, and the backup-and-restore spec, which wipes and restores everything,
 * runs last and alone.
 */
const READ_ONLY_SPECS = [
  'a11y',
  'admin',
  'cms-security-headers',
  'crawl',
  'dashboard-a11y',
  'health',
  'islands',
].map((name) => `**/${name}.spec.ts`)
const RESTORE_SPEC = '**/restore.spec.ts'

/**
 * End-to-end tests through headless Chromium against the real system (CMS `next start`, the built
 * site, the Worker under `wrangler dev`, PostgreSQL, the S3 and SMTP servers), started once by the
 * global setup.
 */
export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  // One worker: two for the read-only specs were tried twice; on the 2-core machine, beside the Vitest
  // lanes, the run is CPU-bound and they made it slower (845 s with one worker, 1,113 s with two).
  workers: 1,
  projects: [
    { name: 'reading', testMatch: READ_ONLY_SPECS },
    {
      name: 'changing',
      testIgnore: [...READ_ONLY_SPECS, RESTORE_SPEC],
      dependencies: ['reading'],
      workers: 1,
    },
    { name: 'restore', testMatch: RESTORE_SPEC, dependencies: ['changing'], workers: 1 },
  ],
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
