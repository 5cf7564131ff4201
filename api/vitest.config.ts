import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Every test runs inside workerd (the runtime `wrangler dev` and production use), configured from
// the root wrangler.toml. Hyperdrive points at DATABASE_URL; HYPERDRIVE_DOWN points at a port where
// nothing listens, so a test can prove the 503 path.
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  throw new Error(
    '@kairo/api tests need DATABASE_URL (a migrated Postgres, e.g. postgres://postgres@127.0.0.1:5432/kairo)',
  )
}
// Miniflare's Hyperdrive refuses a URL without a password. A trust-auth server (as on the dev
// machines) ignores the one given, so fill in a placeholder rather than make every caller invent one.
const hyperdriveUrl = new URL(databaseUrl)
if (!hyperdriveUrl.password) hyperdriveUrl.password = 'unused'
// wrangler.toml carries no local connection string; this is the variable `wrangler dev` reads too.
process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE = hyperdriveUrl.toString()

// Note: the tests neither need nor build site/dist. With the directory missing the plugin binds no
// ASSETS; with a built site there, it serves it. No test may depend on either: the search's tests
// hand the route a stand-in (test/search.test.ts).

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: '../wrangler.toml' },
      miniflare: {
        hyperdrives: {
          HYPERDRIVE: hyperdriveUrl.toString(),
          HYPERDRIVE_DOWN: 'postgres://kairo:unused@127.0.0.1:9/kairo',
        },
        bindings: { ENVIRONMENT: 'test' },
      },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A local stand-in for Resend's HTTP API (the mail transport's tests), and the receivers of the
    // outgoing webhooks' tests (real HTTP servers the Worker fetches), and a Postgres pooler for the
    // burst tests (Hyperdrive's stand-in); see the files.
    // The stand-in for Analytics Engine's SQL API (the operations view's production reader).
    globalSetup: [
      'test/support/mail-api-server.ts',
      'test/support/webhook-receiver.ts',
      'test/support/analytics-api-server.ts',
      'test/support/pg-pooler-setup.ts',
    ],
    testTimeout: 20_000,
    // One workerd for all the files of a worker instead of one per file: measured alone on the 2-core
    // machine, 284 tests took 75 s wall and 48 CPU-s this way against 218 s and 175 CPU-s isolated
    // (each file paid a runtime start). Tests keep their own rows (unique emails, ids), never globals.
    isolate: false,
  },
})
