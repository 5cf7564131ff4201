import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { hashPassword } from '@kairo/api/password'
import { migrateApp } from '@kairo/db/migrate'
import { createNodeDb } from '@kairo/db/node'
import { seedApp } from '@kairo/db/seed'
import { seedRefusal } from '@kairo/db/seed-guard'
import { cmsSeedNeeded, pendingCmsMigrations } from './cms-state.ts'
import { log, UserFacingError } from './log.ts'
import type { ObjectStorageEnv } from './object-storage.ts'
import { packageDir, repoRoot } from './paths.ts'
import { runStep } from './processes.ts'

export interface StepOptions {
  databaseUrl: string
  payloadSecret: string
  /** Turns on draft preview in the CMS (PREVIEW_SECRET); off when unset. */
  previewSecret?: string
  /** Where the CMS's preview links point (SITE_PREVIEW_URL); the CMS defaults to `astro dev`. */
  sitePreviewUrl?: string
  /** Object storage (R2_* of tools/src/object-storage.ts): media, model sources and processed models. */
  storage?: ObjectStorageEnv
  /** SMTP for Payload's own mail (`localMailSettings` of tools/src/mail-server.ts); none: mail off. */
  mail?: Record<string, string>
  quiet?: boolean
}

/** The environment every CMS process gets. */
export function cmsEnv(
  { databaseUrl, payloadSecret, previewSecret, sitePreviewUrl, storage, mail }: StepOptions,
  port = 3000,
): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: payloadSecret,
    ...(previewSecret ? { PREVIEW_SECRET: previewSecret } : {}),
    ...(sitePreviewUrl ? { SITE_PREVIEW_URL: sitePreviewUrl } : {}),
    ...storage,
    ...mail,
    CMS_URL: `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
    // Publishing rebuilds nothing unless a caller opts in (startCms in dev); tests rebuild explicitly.
    SITE_REBUILD: 'off',
    // Note: `payload migrate` asks questions on a terminal; CI=true plus a closed stdin keeps it from hanging.
    CI: 'true',
  }
}

/** Runs both schemas' migrations: Drizzle's `app`, then Payload's `payload`. Safe to run twice. */
export async function migrateAll(options: StepOptions): Promise<void> {
  const started = performance.now()
  await migrateApp(options.databaseUrl)
  const pending = await pendingCmsMigrations(options.databaseUrl)
  if (pending.length === 0) {
    if (!options.quiet) log(`migrations up to date (${seconds(started)})`)
    return
  }
  await runCmsScript('db:migrate', 'the CMS migrations (payload migrate)', options)
  if (!options.quiet) log(`migrations done in ${seconds(started)}`)
}

/** Runs one of cms/package.json's scripts (Payload's CLI) with the CMS environment. */
function runCmsScript(script: string, what: string, options: StepOptions): Promise<void> {
  return runStep({
    what,
    name: 'cms',
    command: 'pnpm',
    args: ['run', '--silent', script],
    cwd: packageDir.cms,
    env: cmsEnv(options),
    quiet: options.quiet ?? false,
  })
}

/** Seeds the demo content once: the app's client company and users, then the CMS's editor and documents. */
export async function seedAll(options: StepOptions): Promise<void> {
  // The seeds' one rule (demo accounts with published passwords: this machine only, never production).
  const refusal = seedRefusal(options.databaseUrl, process.env)
  if (refusal) throw new UserFacingError(refusal)
  const started = performance.now()
  const { db, close } = createNodeDb(options.databaseUrl)
  try {
    const result = await seedApp(db, { hashPassword })
    if (!options.quiet)
      log(`app seed: ${result.seeded ? 'demo company and users created' : 'already there, skipped'}`)
  } finally {
    await close()
  }
  if (!(await cmsSeedNeeded(options.databaseUrl))) {
    if (!options.quiet) log(`CMS seed: already there, skipped (${seconds(started)})`)
    return
  }
  await runCmsScript('db:seed', 'the CMS seed', options)
  if (await cmsSeedNeeded(options.databaseUrl)) {
    // The skip rule drifted from the seed: every warm start would re-run it, or skip needed work.
    throw new Error('cms/src/seed/needed.sql still says "needed" right after the seed ran: update it')
  }
  if (!options.quiet) log(`seed done in ${seconds(started)}`)
}

/**
 * Builds the CMS admin (`next build`, about a minute and 2 GB) unless the sources are unchanged since
 * the last build: the hash of cms/ sources and the lockfile is kept in `.next/kairo-source-hash`.
 */
export async function buildCmsIfChanged(options: { quiet?: boolean } = {}): Promise<void> {
  const hashFile = join(packageDir.cms, '.next', 'kairo-source-hash')
  const hash = hashTree(packageDir.cms, ['.next', 'node_modules', 'media', 'model-sources', 'model-assets'])
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    log('CMS build is up to date (sources unchanged)')
    return
  }
  const started = performance.now()
  log('building the CMS admin (next build, about a minute)')
  await runStep({
    what: 'the CMS build (next build)',
    name: 'cms',
    command: 'pnpm',
    args: ['run', '--silent', 'build'],
    cwd: packageDir.cms,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    quiet: options.quiet ?? false,
  })
  writeFileSync(hashFile, hash)
  log(`CMS built in ${seconds(started)}`)
}

interface SiteBuildOptions {
  cmsUrl: string
  siteUrl?: string
  quiet?: boolean
}

// The two builds of site/: the public static site, and the draft preview server.
const SITE_BUILDS = {
  public: { what: 'the site build (astro build)', name: 'site', script: 'build', done: 'site built' },
  preview: {
    what: 'the preview server build (astro build --config astro.preview.config.ts)',
    name: 'preview',
    script: 'build:preview',
    done: 'preview server built',
  },
} as const

async function runSiteBuild(kind: keyof typeof SITE_BUILDS, options: SiteBuildOptions): Promise<void> {
  const build = SITE_BUILDS[kind]
  const started = performance.now()
  await runStep({
    what: build.what,
    name: build.name,
    command: 'pnpm',
    args: ['run', '--silent', build.script],
    cwd: packageDir.site,
    env: { CMS_URL: options.cmsUrl, ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}) },
    quiet: options.quiet ?? false,
  })
  if (!options.quiet) log(`${build.done} in ${seconds(started)}`)
}

/** Builds the static site from the CMS at `cmsUrl` into site/dist. */
export const buildSite = (options: SiteBuildOptions): Promise<void> => runSiteBuild('public', options)

/**
 * Builds the draft preview server (site/astro.preview.config.ts: the site plus its on-demand preview
 * route, for Node) from the CMS at `cmsUrl` into site/dist-preview.
 */
export const buildSitePreview = (options: SiteBuildOptions): Promise<void> => runSiteBuild('preview', options)

function hashTree(dir: string, skip: string[]): string {
  const hash = createHash('sha256')
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (skip.includes(entry.name)) continue
      const path = join(current, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) hash.update(relative(dir, path)).update(readFileSync(path))
    }
  }
  walk(dir)
  hash.update(readFileSync(join(repoRoot, 'pnpm-lock.yaml')))
  return hash.digest('hex')
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`
}
