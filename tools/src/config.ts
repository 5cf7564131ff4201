import { join } from 'node:path'
import { dataDir } from './paths.ts'

/**
 * Ports and data folders of the local system (DESIGN.md "Contracts"): the CMS, the site and the
 * Worker, plus the local stand-ins for production services: an SMTP server with a web inbox (mail)
 * and an S3-compatible server (R2: CMS media, model sources and processed models).
 */
export const devSystem = {
  ports: { site: 4321, cms: 3000, api: 8787, smtp: 1025, inbox: 1080, s3: 4569 },
  postgres: { dataDir: join(dataDir, 'postgres'), port: 54329, database: 'kairo' },
  s3: { dataDir: join(dataDir, 's3') },
  mail: { dataDir: join(dataDir, 'mail') },
} as const

/**
 * The test run's system: its own ports and its own embedded cluster, so `./kairo test` works while
 * `./kairo start` is running.
 */
export const testSystem = {
  // `cmsRebuilding`: the publish status spec's own CMS, which rebuilds the site on publish;
  // `cmsDev`: the admin-dev spec's CMS under `next dev`.
  ports: {
    cms: 3100,
    cmsRebuilding: 3102,
    cmsDev: 3104,
    api: 8797,
    sitePreview: 4331,
    smtp: 1125,
    inbox: 1180,
    s3: 4579,
  },
  postgres: { dataDir: join(dataDir, 'test-postgres'), port: 54339, database: 'postgres' },
  s3: { dataDir: join(dataDir, 'test-s3') },
  mail: { dataDir: join(dataDir, 'test-mail') },
} as const
