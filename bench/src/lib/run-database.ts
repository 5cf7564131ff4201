import { randomBytes } from 'node:crypto'
import {
  createDatabaseIfMissing,
  dropDatabase,
  migrateAll,
  startEmbeddedPostgres,
  withDatabase,
} from '@kairo/tools'
import { benchSystem } from './ports.ts'

export interface RunDatabase {
  databaseUrl: string
  payloadSecret: string
  /** Drops the run's database and stops the embedded server when this run started it. */
  close: () => Promise<void>
}

/**
 * A fresh, migrated database for one benchmark run, as `./kairo test` makes one: on DATABASE_URL's
 * server when it is set, else on an embedded PostgreSQL of the benchmarks' own.
 */
export async function openRunDatabase(prefix: string): Promise<RunDatabase> {
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ ...benchSystem.postgres, quiet: true })
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`
  const databaseUrl = withDatabase(server.url, name)
  const payloadSecret = randomBytes(32).toString('hex')
  const close = async () => {
    await dropDatabase(server.url, name).catch((error) => console.error(`could not drop ${name}: ${error}`))
    await server.stop()
  }
  try {
    await createDatabaseIfMissing(server.url, name)
    await migrateAll({ databaseUrl, payloadSecret, quiet: true })
  } catch (error) {
    await close()
    throw error
  }
  return { databaseUrl, payloadSecret, close }
}
