import { join } from 'node:path'
import { dataDir } from '@kairo/tools'

/**
 * The benchmarks' own ports and embedded cluster, apart from the dev system (3000/4321/8787/54329)
 * and the test system (3100/8797/54339), so a benchmark can run beside either.
 */
export const benchSystem = {
  lighthouse: { cms: 3200, api: 8807 },
  build: { cms: 3210, api: 8867 },
  dashboard: { api: 8817 },
  mailOutage: { api: 8827, smtp: 1225, inbox: 1280 },
  uploadMemory: { api: 8847 },
  glbToPoster: { api: 8837 },
  search: { api: 8857 },
  postgres: { dataDir: join(dataDir, 'bench-postgres'), port: 54349, database: 'postgres' },
  wranglerState: join(dataDir, 'bench-wrangler'),
} as const
