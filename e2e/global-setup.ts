import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { demoUsers } from '@kairo/db/seed-data'
import {
  buildCmsIfChanged,
  buildSite,
  buildSitePreview,
  dataDir,
  localMailSettings,
  type Service,
  seedAll,
  seedDeliverableFiles,
  startCms,
  startMailServer,
  startObjectStorage,
  startPipelineWorker,
  startScheduledTicker,
  startSitePreview,
  startWorker,
  testSystem,
  waitForPortsFree,
} from '@kairo/tools'
import postgres from 'postgres'
import { DEMO_TEAM_TOTP_SECRET, giveTotp } from './second-factor.ts'
import { requiredEnv, testUrls } from './system.ts'

/**
 * Brings up the system the browser tests drive: seeds the run's database, builds the CMS (reused when
 * its sources are unchanged), starts it with `next start`, builds the site from it and serves both the
 * site and the API through `wrangler dev`, and builds and starts the draft preview server. Returns the
 * teardown that stops them.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The test system's ports are fixed: a second run on the machine (another clone's `./kairo test`)
  // waits for the first to end instead of failing half-started on an address in use.
  await waitForPortsFree(testSystem.ports, {
    timeoutMs: 30 * 60_000,
    onWait: (taken) => console.log(`another end-to-end run holds ${taken}; waiting for it (up to 30 min)`),
  })
  // The run's own S3 server, emptied first: the run's database is new, so its objects must be too.
  await rm(testSystem.s3.dataDir, { recursive: true, force: true })
  const storage = await startObjectStorage({
    port: testSystem.ports.s3,
    dataDir: testSystem.s3.dataDir,
    quiet: true,
  })
  // The run's own SMTP server with its inbox (REST API at testUrls.inbox), emptied first like S3.
  await rm(testSystem.mail.dataDir, { recursive: true, force: true })
  const mail = await startMailServer({
    smtpPort: testSystem.ports.smtp,
    inboxPort: testSystem.ports.inbox,
    mailDirectory: testSystem.mail.dataDir,
    quiet: true,
  })
  const mailSettings = localMailSettings(testSystem.ports.smtp)
  let ticker: { stop(): void } | undefined
  const options = {
    databaseUrl: requiredEnv('DATABASE_URL'),
    payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    // Draft preview: a fresh secret per run; the CMS's preview links point at the preview server.
    previewSecret: randomBytes(32).toString('hex'),
    sitePreviewUrl: testUrls.preview,
    storage: storage.env,
    mail: mailSettings,
    quiet: true,
  }
  const services: Service[] = []
  // A fresh key per run for the authenticator apps' secrets: the Worker's, and the specs' (to seal the
  // secrets they give their users the way the Worker does).
  const totpKey = randomBytes(32).toString('base64url')
  const stop = async () => {
    ticker?.stop()
    await Promise.all(services.map((service) => service.stop()))
    await storage.stop()
    await mail.stop()
  }
  try {
    // One after the other: the seed renders the demo models' posters in Chromium with timeouts, and
    // the admin build (about a minute on both cores) beside it made them miss on a 2-core machine.
    await seedAll(options)
    // The demo admin must sign in with a second factor: give it the app the specs know
    // (`second-factor.ts`), sealed under this run's key, which the specs read from the environment.
    process.env.TOTP_ENCRYPTION_KEY = totpKey
    await giveDemoTeamTotp(options.databaseUrl)
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
    // The Worker and the pipeline worker share a token for the internal model-job routes, so a GLB
    // deliverable uploaded in a spec gets its LODs and poster as it would under `./kairo start`.
    const pipelineToken = randomBytes(32).toString('base64url')
    services.push(
      await startWorker({
        port: testSystem.ports.api,
        databaseUrl: options.databaseUrl,
        persistTo: join(dataDir, 'test-wrangler'),
        vars: mailSettings,
        // A fresh key per run: the automations' run webhooks work, and no secret outlives the system.
        secrets: {
          PIPELINE_TOKEN: pipelineToken,
          WEBHOOK_SIGNING_KEY: randomBytes(32).toString('base64url'),
          TOTP_ENCRYPTION_KEY: totpKey,
        },
        quiet: true,
      }),
    )
    services.push(await startPipelineWorker({ apiUrl: testUrls.worker, token: pipelineToken, quiet: true }))
    // The outbox's cron every few seconds, so a spec finds its e-mail in the inbox within seconds.
    ticker = startScheduledTicker({ workerUrl: testUrls.worker })
  } catch (error) {
    await stop()
    throw error
  }
  return stop
}

/** Gives the seeded demo admin the authenticator app the specs know. */
async function giveDemoTeamTotp(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const [user] = await sql<{ id: string }[]>`select id from app.users where email = ${demoUsers.team.email}`
    if (!user) throw new Error('global setup: the seed made no demo admin')
    await giveTotp(sql, user.id, DEMO_TEAM_TOTP_SECRET)
  } finally {
    await sql.end()
  }
}
