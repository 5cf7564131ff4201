import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { withAuthGuards } from './auth/with-auth-guards.ts'
import { CaseStudies } from './collections/CaseStudies/index.ts'
import { Media } from './collections/Media/index.ts'
import { MAX_MEDIA_BYTES } from './collections/Media/media-kind.ts'
import { MAX_MODEL_BYTES } from './collections/Models/glb-type.ts'
import { Models } from './collections/Models/index.ts'
import { Pages } from './collections/Pages/index.ts'
import { Redirects } from './collections/Redirects/index.ts'
import { Services } from './collections/Services/index.ts'
import { siteBuilds } from './collections/SiteBuilds/index.ts'
import { TeamMembers } from './collections/TeamMembers/index.ts'
import { Testimonials } from './collections/Testimonials/index.ts'
import { Users } from './collections/Users/index.ts'
import { mailAdapter } from './email/adapter.ts'
import { readEnv } from './env.ts'
import { SiteSettings } from './globals/SiteSettings/index.ts'
import {
  withSiteRebuild,
  withSiteRebuildGlobal,
  withSiteRebuildWhenVisible,
} from './hooks/request-site-rebuild.ts'
import { modelAssetsEndpoint } from './models/assets-endpoint.ts'
import { reclaimStuckModelsSafely } from './models/reclaim.ts'
import { processModelTask } from './models/task.ts'
import { prepublishEndpoint } from './prepublish/endpoint.ts'
import { previewEndpoint, withDraftPreview } from './preview/index.ts'
import { createSiteRebuilder, installSiteRebuilder, startBuildJournal } from './rebuild/index.ts'
import { mediaStorage } from './storage/plugin.ts'
import { purgeTrashTask } from './trash/task.ts'
import { adminOrigins } from './utilities/loopback-origins.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

// Chosen once per process from SITE_REBUILD (default off); the hooks below ask it after each write.
installSiteRebuilder(() =>
  createSiteRebuilder(env.siteRebuild, {
    siteDir: path.resolve(dirname, '../../site'),
    cmsUrl: env.serverUrl,
  }),
)

// Everything the public site shows asks for a rebuild when a change reaches visitors; users do not.
const siteContent = [Pages, Services, CaseStudies, TeamMembers, Testimonials, Media, Redirects]

export default buildConfig({
  serverURL: env.serverUrl,
  // Cookie-signed-in requests only from the admin's own origin, every loopback name of it locally.
  csrf: adminOrigins(env.serverUrl),
  secret: env.payloadSecret,
  telemetry: false,
  admin: {
    user: Users.slug,
    // The studio's own name, mark and tab icon, not Payload's (src/admin/Brand.tsx, public/favicon.svg).
    components: {
      graphics: { Logo: '/admin/Brand.tsx#Logo', Icon: '/admin/Brand.tsx#Icon' },
      // The public site's build state: queued, building, live or failed, and why (README "Publish status").
      beforeDashboard: ['/admin/SiteBuildsPanel.tsx#SiteBuildsPanel'],
    },
    meta: {
      titleSuffix: ' — Kairo',
      icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/favicon.svg' }],
    },
    // Payload's default asks Gravatar for each editor's picture: a request off the machine (failing
    // offline) that tells a third party who the studio's editors are; Payload's own generic picture instead.
    avatar: 'default',
    importMap: {
      baseDir: dirname,
      importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js'),
    },
  },
  collections: [
    ...siteContent.map(withSiteRebuild).map(withDraftPreview(env.preview)),
    // Models reach the site only once processed: queued, processing and failed saves build nothing.
    withSiteRebuildWhenVisible(Models, (doc) => doc?.status === 'ready'),
    // Rate limits per IP and per account+IP instead of Payload's lockout; Secure cookie in production.
    withAuthGuards(env.auth)(Users),
    // The site's builds, written by the rebuilder (src/rebuild/journal.ts): the admin's publish status.
    siteBuilds({
      siteUrl: env.siteUrl,
      // Only a deploy hook's builds end by a report (README "Publish status").
      reportToken: env.siteRebuild.mode === 'hook' ? env.siteRebuild.reportToken : undefined,
    }),
  ],
  endpoints: [
    // `GET /api/preview/:collection/:id?token=`: the draft behind a signed preview link (README "Draft preview").
    previewEndpoint(env.preview),
    // `GET /api/prepublish/:collection/:id`: the checks an editor sees before publishing (README "Checks before publish").
    prepublishEndpoint,
    // `GET /api/model-assets/<key>`: processed model files kept locally when R2 is not configured.
    modelAssetsEndpoint,
  ],
  globals: [withSiteRebuildGlobal(SiteSettings)],
  // Payload has no job lease: a model whose server died mid-build stays `processing`. At every start
  // (the Next server, the CLI, a serverless cold start) such models are queued again (src/models/reclaim.ts).
  // Builds an earlier run left unfinished are marked failed, and the build history starts.
  onInit: async (payload) => {
    await reclaimStuckModelsSafely(payload)
    await startBuildJournal(payload, env.siteRebuild.mode)
  },
  // Multipart bodies are cut at the larger limit; each collection's guard then applies its own.
  upload: { limits: { fileSize: Math.max(MAX_MEDIA_BYTES, MAX_MODEL_BYTES) } },
  jobs: {
    // Scheduled publishing queues jobs; the CMS server runs the due ones every minute. Payload
    // starts these crons only inside the Next server (getPayload with `cron: true`), never in the
    // CLI, the seed or the tests.
    autoRun: [{ cron: '* * * * *', queue: 'default' }],
    // Model processing (src/models/): queued on upload and run at once after the save commits; the
    // cron above picks up any job that was not (e.g. the server restarted meanwhile).
    tasks: [processModelTask, purgeTrashTask],
    // ...and before every run of the cron, so an abandoned model is queued again, and built, within
    // a minute of its lease running out.
    shouldAutoRun: async (payload) => {
      await reclaimStuckModelsSafely(payload)
      return true
    },
  },
  editor: lexicalEditor(),
  db: postgresAdapter({
    pool: { connectionString: env.databaseUrl },
    // Payload owns this schema only; Drizzle owns `app` in the same database.
    schemaName: 'payload',
    // Never push: a pushed database makes `payload migrate` prompt (and hang without a TTY), and
    // push offers to drop tables it does not know. Schema changes go through src/migrations.
    push: false,
    migrationDir: path.resolve(dirname, 'migrations'),
  }),
  sharp,
  // Forgot-password and other Payload mail over the SMTP settings the Worker uses (src/email/).
  email: mailAdapter(env.mail),
  // Media and model sources in R2_MEDIA_BUCKET (src/storage/): the CMS host keeps no files.
  plugins: [mediaStorage(env.storage)],
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
})
