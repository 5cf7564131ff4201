import { devSystem } from './config.ts'
import { ensureDatabase } from './database.ts'
import { log, runMain } from './log.ts'
import { assertPortsFree } from './ports.ts'
import { localSecrets } from './secrets.ts'
import { startCms } from './services.ts'
import { buildCmsIfChanged, buildSite, migrateAll, seedAll } from './steps.ts'

/**
 * `./kairo build`: the production builds. The CMS admin (`next build`), then the static site from the
 * CMS at CMS_URL; without CMS_URL, from the local system's CMS, started for the build and stopped after.
 */
runMain(async () => {
  await buildCmsIfChanged()
  const cmsUrl = process.env.CMS_URL
  if (cmsUrl) {
    await buildSite({ cmsUrl })
    return
  }
  log('CMS_URL is not set: building the site from the local CMS')
  await assertPortsFree({ cms: devSystem.ports.cms })
  const database = await ensureDatabase(devSystem.postgres)
  const options = { databaseUrl: database.url, payloadSecret: localSecrets().PAYLOAD_SECRET, quiet: true }
  try {
    await migrateAll(options)
    await seedAll(options)
    const cms = await startCms({ ...options, mode: 'prod', port: devSystem.ports.cms })
    try {
      await buildSite({ cmsUrl: `http://localhost:${devSystem.ports.cms}` })
    } finally {
      await cms.stop()
    }
  } finally {
    await database.stop()
  }
})
