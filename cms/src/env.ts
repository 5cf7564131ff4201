import { type AuthEnv, readAuthEnv } from './auth/env.ts'
import { type MailEnv, readMailEnv } from './email/env.ts'
import { placeholderProblems } from './env-placeholders.ts'
import { type MediaStorageEnv, readMediaStorage } from './storage/env.ts'

/**
 * The CMS's configuration, read and validated once when the Payload config loads.
 *
 * Every problem is collected first, then reported in one message, so a fresh machine learns
 * everything it is missing in a single run.
 */
export interface CmsEnv {
  /** Postgres connection string; Payload keeps its tables in the schema `payload`. */
  databaseUrl: string
  /** Signs Payload's JWTs and cookies; at least 32 characters. */
  payloadSecret: string
  /** Public origin of the CMS (admin links, CORS, CSRF); default http://localhost:3000. */
  serverUrl: string
  /** The public site's origin (`SITE_URL`, default http://localhost:4321): links to live pages. */
  siteUrl: string
  /** How publishing updates the public site (`SITE_REBUILD`); see README "Site rebuilds". */
  siteRebuild: SiteRebuildEnv
  /** Draft preview on the site (README "Draft preview"); off without `PREVIEW_SECRET`. */
  preview: PreviewEnv
  /** 3D model processing (README "Models"). */
  models: ModelsEnv
  /** Uploaded files in `R2_MEDIA_BUCKET` (README "Where data lives"); null keeps them on disk. */
  storage: MediaStorageEnv | null
  /** Sign-in: the client address for rate limits, the Secure cookie (README "Sign-in"). */
  auth: AuthEnv
  /** Payload's own mail over the shared SMTP settings (src/email/env.ts); null: mail off. */
  mail: MailEnv | null
}

/**
 * Where processed models go and how: `r2PublicUrl` is set when `R2_ENDPOINT` is (upload to R2,
 * manifest URLs on its public base URL); otherwise files stay in `cms/model-assets/`.
 */
export interface ModelsEnv {
  /** `MODEL_POSTERS` (default on): render a poster per model in headless Chromium. */
  posters: boolean
  /** `MODEL_CACHE_DIR`: the pipeline's cache; null means the default, `<repo>/.data/model-cache`. */
  cacheDir: string | null
  /** `R2_PUBLIC_URL`, without a trailing slash; null when R2 is not configured. */
  r2PublicUrl: string | null
  /**
   * `MODEL_PROCESSING_LEASE_MINUTES` (default 15), in ms: a model queued or processing whose
   * timestamp has not moved for this long is taken as abandoned (its server died) and queued again.
   */
  processingLeaseMs: number
  /**
   * `MODEL_MEMORY_LIMIT_MB` (default 3072) and `MODEL_TIME_LIMIT_SECONDS` (default half the lease, at
   * most 600: 450 with the default lease): what one
   * model's processing may take, in its own child process, before it is stopped and the model ends
   * `failed` with the limit it crossed. The time limit must stay under the processing lease.
   */
  processLimits: { memoryMb: number; timeoutMs: number }
}

/** `PREVIEW_SECRET` signs preview links to the site's preview server at `SITE_PREVIEW_URL`. */
export type PreviewEnv = { enabled: false } | { enabled: true; secret: string; siteUrl: string }

export const DEFAULT_SITE_PREVIEW_URL = 'http://localhost:4321'

/** `off` (default): nothing; `hook`: POST a deploy hook (production); `local`: build site/ here (dev). */
export type SiteRebuildEnv =
  | { mode: 'off' }
  /** `reportToken`: `SITE_BUILD_REPORT_TOKEN`, with which the deploy reports its end (README "Publish status"). */
  | { mode: 'hook'; deployHookUrl: string; reportToken: string }
  | { mode: 'local'; devRefreshUrl?: string }

const REBUILD_MODES = ['off', 'local', 'hook'] as const

export const DEFAULT_SERVER_URL = 'http://localhost:3000'
/** The site's dev server; in production SITE_URL is the public origin the site is built for. */
export const DEFAULT_SITE_URL = 'http://localhost:4321'
const MIN_SECRET_LENGTH = 32

/** True while `next build` compiles the admin: Next sets NEXT_PHASE in every build worker. */
export function isNextBuildPhase(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NEXT_PHASE === 'phase-production-build'
}

/**
 * Validates the CMS's environment and returns it typed, or throws one Error naming every
 * missing or malformed variable.
 *
 * Note: during `next build` missing values are tolerated and come back as empty strings, never as
 * placeholders. The build only compiles the admin (no page talks to the database), and should any
 * code try to start Payload during the build, Payload itself refuses the empty secret. Values that
 * are present are still checked, so a malformed variable fails the build as it would fail a start.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env): CmsEnv {
  const problems: string[] = []
  const building = isNextBuildPhase(env)
  const databaseUrl = env.DATABASE_URL?.trim() ?? ''
  const payloadSecret = env.PAYLOAD_SECRET ?? ''
  const serverUrl = env.CMS_URL?.trim() || DEFAULT_SERVER_URL

  if (!databaseUrl) {
    if (!building) problems.push('DATABASE_URL is not set (expected postgres://user@host:port/db)')
  } else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://')
  }

  if (!payloadSecret) {
    if (!building)
      problems.push(`PAYLOAD_SECRET is not set (use at least ${MIN_SECRET_LENGTH} random characters)`)
  } else if (payloadSecret.length < MIN_SECRET_LENGTH) {
    problems.push(`PAYLOAD_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`)
  }

  if (!URL.canParse(serverUrl) || !/^https?:$/.test(new URL(serverUrl).protocol)) {
    problems.push(`CMS_URL must be an http(s) URL, got "${serverUrl}"`)
  }

  const siteUrl = env.SITE_URL?.trim() || DEFAULT_SITE_URL
  if (!isHttpUrl(siteUrl)) problems.push(`SITE_URL must be an http(s) URL, got "${siteUrl}"`)
  const siteRebuild = readSiteRebuild(env, problems)
  const preview = readPreview(env, problems)
  const models = readModels(env, problems)
  const storage = readMediaStorage(env, problems)
  const auth = readAuthEnv(env, problems)
  const mail = readMailEnv(env, problems)
  problems.push(...placeholderProblems(env))

  if (problems.length > 0) {
    throw new Error(`@kairo/cms: invalid environment:\n  - ${problems.join('\n  - ')}`)
  }
  return {
    databaseUrl,
    payloadSecret,
    serverUrl: serverUrl.replace(/\/$/, ''),
    siteUrl: siteUrl.replace(/\/+$/, ''),
    siteRebuild,
    preview,
    models,
    storage,
    auth,
    mail,
  }
}

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)

/**
 * Reads `SITE_REBUILD`, `SITE_DEPLOY_HOOK_URL`, `SITE_BUILD_REPORT_TOKEN` and `SITE_DEV_REFRESH_URL`,
 * adding to `problems`. Note: the deploy hook URL and the token are secrets, so no message quotes them.
 */
function readSiteRebuild(env: NodeJS.ProcessEnv, problems: string[]): SiteRebuildEnv {
  const mode = env.SITE_REBUILD?.trim() || 'off'
  const hookUrl = env.SITE_DEPLOY_HOOK_URL?.trim() ?? ''
  const refreshUrl = env.SITE_DEV_REFRESH_URL?.trim() ?? ''
  if (!(REBUILD_MODES as readonly string[]).includes(mode)) {
    problems.push(`SITE_REBUILD must be one of ${REBUILD_MODES.join(', ')}, got "${mode}"`)
    return { mode: 'off' }
  }
  if (hookUrl && !isHttpUrl(hookUrl)) problems.push('SITE_DEPLOY_HOOK_URL must be an http(s) URL')
  if (refreshUrl && !isHttpUrl(refreshUrl)) {
    problems.push(`SITE_DEV_REFRESH_URL must be an http(s) URL, got "${refreshUrl}"`)
  }
  if (mode === 'hook') {
    if (!hookUrl) problems.push('SITE_DEPLOY_HOOK_URL is not set (SITE_REBUILD=hook needs it)')
    // Without it nothing could end a build's status: the hook only starts the deploy elsewhere.
    const reportToken = env.SITE_BUILD_REPORT_TOKEN?.trim() ?? ''
    if (!reportToken) {
      problems.push(
        'SITE_BUILD_REPORT_TOKEN is not set (SITE_REBUILD=hook needs it: the deploy reports its end with it)',
      )
    } else if (reportToken.length < MIN_SECRET_LENGTH) {
      problems.push(`SITE_BUILD_REPORT_TOKEN must be at least ${MIN_SECRET_LENGTH} characters long`)
    }
    return { mode, deployHookUrl: hookUrl, reportToken }
  }
  if (mode === 'local') return refreshUrl ? { mode, devRefreshUrl: refreshUrl } : { mode }
  return { mode: 'off' }
}

/**
 * Reads `PREVIEW_SECRET` and `SITE_PREVIEW_URL`, adding to `problems`. Without a secret, preview is
 * off: no Preview button, and the preview endpoint refuses every request.
 * Note: the secret is never quoted; a secret equal to PAYLOAD_SECRET is refused, so a leaked preview
 * key can never forge Payload's own tokens.
 */
function readPreview(env: NodeJS.ProcessEnv, problems: string[]): PreviewEnv {
  const secret = env.PREVIEW_SECRET ?? ''
  const siteUrl = env.SITE_PREVIEW_URL?.trim() || DEFAULT_SITE_PREVIEW_URL
  if (!isHttpUrl(siteUrl)) problems.push(`SITE_PREVIEW_URL must be an http(s) URL, got "${siteUrl}"`)
  if (!secret) return { enabled: false }
  if (secret.length < MIN_SECRET_LENGTH) {
    problems.push(`PREVIEW_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`)
  } else if (secret === env.PAYLOAD_SECRET) {
    problems.push('PREVIEW_SECRET must differ from PAYLOAD_SECRET')
  }
  return { enabled: true, secret, siteUrl: siteUrl.replace(/\/+$/, '') }
}

export const DEFAULT_MODEL_PROCESSING_LEASE_MINUTES = 15
export const DEFAULT_MODEL_MEMORY_LIMIT_MB = 3072
export const DEFAULT_MODEL_TIME_LIMIT_SECONDS = 600

/**
 * Reads `MODEL_POSTERS`, `MODEL_CACHE_DIR`, `MODEL_PROCESSING_LEASE_MINUTES`, the processing limits
 * (`MODEL_MEMORY_LIMIT_MB`, `MODEL_TIME_LIMIT_SECONDS`) and, when `R2_ENDPOINT`
 * is set, `R2_PUBLIC_URL`, adding to `problems`. The other R2 variables are checked by the pipeline's `uploadConfigFromEnv` when a model
 * is processed; its message names them, never their values.
 */
function readModels(env: NodeJS.ProcessEnv, problems: string[]): ModelsEnv {
  const posters = env.MODEL_POSTERS?.trim() || 'on'
  if (posters !== 'on' && posters !== 'off')
    problems.push(`MODEL_POSTERS must be on or off, got "${posters}"`)
  const cacheDir = env.MODEL_CACHE_DIR?.trim() || null
  const r2 = Boolean(env.R2_ENDPOINT?.trim())
  const publicUrl = env.R2_PUBLIC_URL?.trim() ?? ''
  if (r2 && !publicUrl) problems.push('R2_PUBLIC_URL is not set (R2_ENDPOINT is; models need a public URL)')
  if (publicUrl && !isHttpUrl(publicUrl))
    problems.push(`R2_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`)
  const lease = env.MODEL_PROCESSING_LEASE_MINUTES?.trim() || String(DEFAULT_MODEL_PROCESSING_LEASE_MINUTES)
  // Whole minutes: the pipeline writes its progress far more often than once a minute.
  if (!/^[1-9][0-9]{0,3}$/.test(lease))
    problems.push(`MODEL_PROCESSING_LEASE_MINUTES must be a whole number of minutes (1-9999), got "${lease}"`)
  const memory = env.MODEL_MEMORY_LIMIT_MB?.trim() || String(DEFAULT_MODEL_MEMORY_LIMIT_MB)
  if (!/^[1-9][0-9]{2,5}$/.test(memory))
    problems.push(`MODEL_MEMORY_LIMIT_MB must be a whole number of MiB (100-999999), got "${memory}"`)
  const time = env.MODEL_TIME_LIMIT_SECONDS?.trim() || ''
  if (time && !/^[1-9][0-9]{0,5}$/.test(time))
    problems.push(`MODEL_TIME_LIMIT_SECONDS must be a whole number of seconds (1-999999), got "${time}"`)
  const processingLeaseMs = (Number.parseInt(lease, 10) || DEFAULT_MODEL_PROCESSING_LEASE_MINUTES) * 60_000
  // A build still running when the lease ends would be queued a second time beside itself: unset,
  // the limit is 10 minutes or half the lease, whichever is shorter; set, it must be shorter.
  const timeoutMs = time
    ? (Number.parseInt(time, 10) || DEFAULT_MODEL_TIME_LIMIT_SECONDS) * 1000
    : Math.min(DEFAULT_MODEL_TIME_LIMIT_SECONDS * 1000, processingLeaseMs / 2)
  if (timeoutMs >= processingLeaseMs)
    problems.push(
      `MODEL_TIME_LIMIT_SECONDS (${time}) must be shorter than MODEL_PROCESSING_LEASE_MINUTES (${lease} min)`,
    )
  return {
    posters: posters !== 'off',
    cacheDir,
    r2PublicUrl: r2 && publicUrl ? publicUrl.replace(/\/+$/, '') : null,
    processingLeaseMs,
    processLimits: { memoryMb: Number.parseInt(memory, 10) || DEFAULT_MODEL_MEMORY_LIMIT_MB, timeoutMs },
  }
}
