import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import {
  buildCmsIfChanged,
  buildSite,
  buildSitePreview,
  dataDir,
  type Service,
  seedAll,
  seedDeliverableFiles,
  startCms,
  startSitePreview,
  startWorker,
  testSystem,
} from '@kairo/tools'
import { requiredEnv, testUrls } from './system.ts'

/**
 * Brings up the system the browser tests drive: seeds the run's database, builds the CMS (reused when
 * its sources are unchanged), starts it with `next start`, builds the site from it and serves both the
 * site and the API through `wrangler dev`, and builds and starts the draft preview server. Returns the
 * teardown that stops them.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const options = {
    databaseUrl: requiredEnv('DATABASE_URL'),
    payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    // Draft preview: a fresh secret per run; the CMS's preview links point at the preview server.
    previewSecret: randomBytes(32).toString('hex'),
    sitePreviewUrl: testUrls.preview,
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
    await buildSitePreview({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
    services.push(
      await startSitePreview({ port: testSystem.ports.sitePreview, cmsUrl: testUrls.cms, quiet: true }),
    )
    // The demo projects' deliverables, so a download from the dashboard finds its file.
    await seedDeliverableFiles({
      persistTo: join(dataDir, 'test-wrangler'),
      databaseUrl: options.databaseUrl,
    })
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
