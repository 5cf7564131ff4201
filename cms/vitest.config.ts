import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: { '@payload-config': path.resolve(dirname, 'src/payload.config.ts') },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Payload's first start in a process takes a few seconds on a busy 2-core machine.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    env: {
      // Test-only fallback so `pnpm test` needs nothing but DATABASE_URL; never used by the server.
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'kairo-cms-tests-only-secret-0123456789',
      // Turns draft preview on, so test/preview.test.ts reaches the endpoint as the site would.
      PREVIEW_SECRET: process.env.PREVIEW_SECRET ?? 'kairo-cms-tests-only-preview-secret-0123',
      SITE_PREVIEW_URL: 'http://preview.test',
      // Model processing without posters (headless Chromium, ~3 s a model); one test turns them on.
      MODEL_POSTERS: 'off',
    },
  },
})
