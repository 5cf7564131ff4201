import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserFacingError } from './log.ts'
import { dataDir, packageDir, repoRoot } from './paths.ts'
import { type Service, startService, waitForHttp } from './processes.ts'
import { cmsEnv, type StepOptions } from './steps.ts'

const readyTimeoutMs = 180_000

/**
 * In dev a publish rebuilds site/dist (for `wrangler dev`) and tells `astro dev` to reload its content
 * (the site's `POST /__refresh-content`, see cms/README.md "Site rebuilds").
 */
const devSiteRebuildEnv = {
  SITE_REBUILD: 'local',
  SITE_DEV_REFRESH_URL: 'http://127.0.0.1:4321/__refresh-content',
}

/**
 * Starts the CMS: `next dev` for development, `next start` (after `buildCmsIfChanged`) for tests.
 * Resolves once its REST API answers, which in dev also compiles the route the site's loader reads.
 */
export async function startCms(
  options: StepOptions & {
    mode: 'dev' | 'prod'
    port: number
    /** Set last, over the rest (a test's CMS that rebuilds the site: `SITE_REBUILD=local`). */
    env?: NodeJS.ProcessEnv
  },
): Promise<Service> {
  const cms = startService({
    name: options.env ? `cms:${options.port}` : 'cms',
    command: 'pnpm',
    args: ['exec', 'next', options.mode === 'dev' ? 'dev' : 'start', '--port', String(options.port)],
    cwd: packageDir.cms,
    env: {
      ...cmsEnv(options, options.port),
      ...(options.mode === 'dev' ? devSiteRebuildEnv : {}),
      PORT: String(options.port),
      ...options.env,
    },
    quiet: options.quiet ?? false,
  })
  await waitForHttp(`http://127.0.0.1:${options.port}/api/case-studies?limit=1`, cms, readyTimeoutMs)
  return cms
}

/** Starts `astro dev` on `port`, reading content from the CMS at `cmsUrl`. */
export async function startSiteDev(options: {
  port: number
  cmsUrl: string
  quiet?: boolean
}): Promise<Service> {
  const site = startService({
    name: 'site',
    command: 'pnpm',
    args: ['exec', 'astro', 'dev', '--port', String(options.port), '--host', '127.0.0.1'],
    cwd: packageDir.site,
    env: { CMS_URL: options.cmsUrl, ASTRO_TELEMETRY_DISABLED: '1' },
    quiet: options.quiet ?? false,
  })
  await waitForHttp(`http://127.0.0.1:${options.port}/`, site, readyTimeoutMs)
  return site
}

/**
 * Starts the draft preview server (after `buildSitePreview`) on 127.0.0.1:`port`: it reads drafts
 * from the CMS at `cmsUrl` behind the CMS's signed links (site/README.md "Draft preview").
 */
export async function startSitePreview(options: {
  port: number
  cmsUrl: string
  quiet?: boolean
}): Promise<Service> {
  const preview = startService({
    name: 'preview',
    command: process.execPath,
    args: [join(packageDir.site, 'dist-preview', 'server', 'entry.mjs')],
    cwd: packageDir.site,
    env: { CMS_URL: options.cmsUrl, HOST: '127.0.0.1', PORT: String(options.port) },
    quiet: options.quiet ?? false,
  })
  await waitForHttp(`http://127.0.0.1:${options.port}/`, preview, readyTimeoutMs)
  return preview
}

/**
 * Starts the Worker under `wrangler dev` (the real workerd runtime), serving site/dist and the API,
 * with its Hyperdrive binding pointed at `databaseUrl` and local R2 state under `.data/wrangler`.
 */
export async function startWorker(options: {
  port: number
  databaseUrl: string
  persistTo?: string
  quiet?: boolean
  /** Extra Worker vars (`--var NAME:value`), e.g. `{ READ_CACHE: 'off' }`. */
  vars?: Record<string, string>
  /** Another wrangler config than the root wrangler.toml (a test's, e.g. without `[assets]`). */
  configPath?: string
  /** Worker secrets (`PIPELINE_TOKEN`, `WEBHOOK_SIGNING_KEY`): passed in a file, never on the command line (see {@link secretsFile}). */
  secrets?: Record<string, string>
}): Promise<Service> {
  const vars = Object.entries(options.vars ?? {}).flatMap(([name, value]) => ['--var', `${name}:${value}`])
  const persistTo = options.persistTo ?? join(dataDir, 'wrangler')
  if (options.secrets) vars.push(...secretsFile(options.secrets, persistTo, options.configPath))
  const worker = startService({
    name: 'api',
    command: 'pnpm',
    args: [
      'exec',
      'wrangler',
      'dev',
      '--config',
      options.configPath ?? join(repoRoot, 'wrangler.toml'),
      '--port',
      String(options.port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      // Exposes /cdn-cgi/handler/scheduled: wrangler dev fires no cron by itself (scheduled-ticker.ts).
      '--test-scheduled',
      // Readable logs locally; wrangler.toml's default (production) writes JSON lines.
      '--var',
      'ENVIRONMENT:development',
      ...vars,
    ],
    cwd: packageDir.api,
    env: {
      CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: withPassword(options.databaseUrl),
      WRANGLER_SEND_METRICS: 'false',
      // Note: wrangler colours by TTY detection; FORCE_COLOR keeps its prefixes readable in our log.
    },
    // Harmless offline noise (DESIGN.md / ENVIRONMENT.md): no network for the Request.cf object.
    mute: /Request\.cf` object|getaddrinfo ENOTFOUND workers\.cloudflare\.com|at GetAddrInfoReqWrap/,
    quiet: options.quiet ?? false,
  })
  // Any answer means workerd is up: /api/health may rightly say 503 when the database is down.
  await waitForHttp(`http://127.0.0.1:${options.port}/api/health`, worker, readyTimeoutMs, () => true)
  return worker
}

/**
 * Writes `secrets` to `secrets.env` (mode 600) in the Worker's state folder, one per system (dev,
 * tests, benchmarks), and returns wrangler's `--env-file` flags for it: a value in `--var` would show
 * in the process list. Note: with `--env-file` wrangler no longer reads `.dev.vars` by itself, so a
 * developer's own `.dev.vars` (or else `.env`) beside the config is passed first; the generated
 * secrets override it.
 */
function secretsFile(
  secrets: Record<string, string>,
  persistTo: string,
  configPath = join(repoRoot, 'wrangler.toml'),
): string[] {
  const configDir = join(configPath, '..')
  const own = [join(configDir, '.dev.vars'), join(configDir, '.env')].find((file) => existsSync(file))
  const file = join(persistTo, 'secrets.env')
  mkdirSync(persistTo, { recursive: true })
  const lines = Object.entries(secrets).map(([name, value]) => `${name}=${JSON.stringify(value)}`)
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 })
  return [...(own ? ['--env-file', own] : []), '--env-file', file]
}

/**
 * Starts the 3D deliverable worker (`assets-pipeline`'s `deliverable-worker`): it claims model jobs
 * from the Worker at `apiUrl` with `token` and runs the pipeline (LODs, poster in headless Chromium at
 * CHROMIUM_PATH, manifest). Resolves once it says it is waiting for jobs.
 */
export async function startPipelineWorker(options: {
  apiUrl: string
  token: string
  quiet?: boolean
}): Promise<Service> {
  let announce: () => void = () => {}
  const announced = new Promise<void>((resolve) => {
    announce = resolve
  })
  const worker = startService({
    name: 'models',
    command: process.execPath,
    args: ['src/cli.ts', 'deliverable-worker'],
    cwd: join(repoRoot, 'assets-pipeline'),
    // The token goes by environment, not argv (the process list shows argv).
    env: { PIPELINE_API_URL: options.apiUrl, PIPELINE_TOKEN: options.token },
    quiet: options.quiet ?? false,
    onLine: (line) => {
      if (line.includes('waiting for 3D deliverables')) announce()
    },
  })
  const exited = worker.exited.then((code) => {
    throw new UserFacingError(
      `the deliverable worker exited (code ${code}) before it started:\n${worker.tail()}`,
    )
  })
  await Promise.race([announced, exited])
  exited.catch(() => {})
  return worker
}

/**
 * Miniflare refuses a Hyperdrive connection string without a password ("You must provide a
 * password"), even for a server with trust authentication, which ignores it: add a placeholder.
 */
export function withPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl)
  if (!url.password) url.password = 'trust-auth'
  return url.toString()
}
