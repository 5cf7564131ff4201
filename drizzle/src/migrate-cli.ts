import { migrateApp } from './migrate.ts'

// `pnpm --filter @kairo/db db:migrate`: applies the app schema's migrations to DATABASE_URL.
const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) {
  console.error('db:migrate: DATABASE_URL is not set (expected postgres://user@host:port/database)')
  process.exit(1)
}

try {
  await migrateApp(databaseUrl)
  console.log('db:migrate: app schema is up to date')
} catch (error) {
  console.error(`db:migrate: migrating the app schema failed: ${describe(error)}`)
  process.exit(1)
}

/** The most telling line of an error: Drizzle wraps the driver's error (the real reason) as `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code
    return `${cause.message}${typeof code === 'string' && !cause.message.includes(code) ? ` (${code})` : ''}`
  }
  return error.message
}
