import { randomUUID } from 'node:crypto'
import { getPayload, type Payload } from 'payload'

/**
 * Starts Payload's Local API against DATABASE_URL, which must already be migrated (the orchestrator
 * runs `db:migrate` first; locally run `pnpm --filter @kairo/cms db:migrate`).
 */
export async function startPayload(): Promise<Payload> {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      '@kairo/cms tests: DATABASE_URL is not set. Point it at a migrated database, e.g. ' +
        'DATABASE_URL=postgres://postgres@127.0.0.1:5432/kairo_dev pnpm --filter @kairo/cms test',
    )
  }
  // Imported after the check so a missing variable fails with the message above, not the config's.
  const { default: config } = await import('../src/payload.config.ts')
  return getPayload({ config })
}

/** A suffix that keeps this run's rows apart from every other run sharing the database. */
export const uniqueSuffix = (): string => randomUUID().slice(0, 8)
