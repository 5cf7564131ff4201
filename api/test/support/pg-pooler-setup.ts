import type { TestProject } from 'vitest/node'
import { startPgPooler } from '../../../tools/src/pg-pooler/index.ts'

// Vitest global setup (runs in Node): a local transaction-mode Postgres pooler in front of
// DATABASE_URL, Hyperdrive's stand-in, for the burst tests (test/support/pooled-database.ts). Eight
// server connections, as few as Hyperdrive would hold for one small Worker.

declare module 'vitest' {
  export interface ProvidedContext {
    pooledDatabaseUrl: string
  }
}

const POOL_SIZE = 8

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('the api tests need DATABASE_URL')
  const pooler = await startPgPooler({
    databaseUrl,
    port: 0,
    size: POOL_SIZE,
    applicationName: 'kairo-api-tests',
  })
  // workerd's Hyperdrive-shaped binding wants a password in the URL; the pooler asks for none.
  const url = new URL(pooler.url)
  if (!url.password) url.password = 'unused'
  project.provide('pooledDatabaseUrl', url.toString())
  return () => pooler.stop()
}
