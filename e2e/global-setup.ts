import { join } from 'node:path'
import {
  buildCmsIfChanged,
  buildSite,
  dataDir,
  type Service,
  seedAll,
  startCms,
  startWorker,
  testSystem,
} from '@kairo/tools'
import { requiredEnv, testUrls } from './system.ts'

/**
 * Brings up the system the browser tests drive: seeds the run's database, builds the CMS (reused when
 * its sources are unchanged), starts it with `next start`, builds the site from it and serves both the
 * site and the API through `wrangler dev`. Returns the teardown that stops them.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const options = {
    databaseUrl: requiredEnv('DATABASE_URL'),
    payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    quiet: true,
  }
  const services: Service[] = []
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()))
  }
  try {
    await seedAll(options)
    await buildCmsIfChanged({ quiet: true })
    services.push(await startCms({ ...options, mode: 'prod', port: testSystem.ports.cms }))
    await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
    services.push(
      await startWorker({
        port: testSystem.ports.api,
        databaseUrl: options.databaseUrl,
        persistTo: join(dataDir, 'test-wrangler'),
        quiet: true,
      }),
    )
  } catch (error) {
    await stop()
    throw error
  }
  return stop
}
