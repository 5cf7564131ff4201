import { join } from 'node:path'
import { dataDir } from './paths.ts'

/** Ports and data folders of the local system (DESIGN.md "Contracts"). */
export const devSystem = {
  ports: { site: 4321, cms: 3000, api: 8787 },
  postgres: { dataDir: join(dataDir, 'postgres'), port: 54329, database: 'kairo' },
} as const

/**
 * The test run's system: its own ports and its own embedded cluster, so `./kairo test` works while
 * `./kairo start` is running.
 */
export const testSystem = {
  ports: { cms: 3100, api: 8797, sitePreview: 4331 },
  postgres: { dataDir: join(dataDir, 'test-postgres'), port: 54339, database: 'postgres' },
} as const
