import type { DbClient } from '@kairo/db'
import { parseRequiredRoles } from './auth/second-factor-policy.ts'
import type { ValidatedSession } from './auth/session.ts'
import { placeholderProblems } from './lib/placeholders.ts'
import { type MailVars, mailProblems } from './mail/config.ts'
import { type OpsVars, opsProblems } from './ops/config.ts'
import { uploadLimitProblems } from './upload/limits.ts'

// The Worker's bindings (wrangler.toml) and their validation. Workers receive `env` per request, not
// at process start, so it is validated on the first request and the result is cached per isolate.

/**
 * The bindings and variables the Worker is deployed with. The mail keys (`MAIL_*`, `SMTP_*`,
 * `RESEND_*`) are in `MailVars` (src/mail/config.ts).
 */
export interface Bindings
  extends MailVars,
    // The operations settings and bindings (metrics datasets, the alerts' KV): src/ops/config.ts.
    OpsVars,
    // The resource bindings, typed by `wrangler types` from wrangler.toml (worker-configuration.d.ts,
    // checked by `check`): HYPERDRIVE (Postgres; locally
    // `CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE`), BUCKET (R2: 3D assets, CMS media),
    // ASSETS (the static site, `site/dist`). Variables are declared here: wrangler.toml sets only some.
    Pick<WorkerBindings, 'HYPERDRIVE' | 'BUCKET' | 'ASSETS'>,
    // The search's per-address limit (wrangler.toml [[ratelimits]], src/routes/search/); unbound, no limit.
    Partial<Pick<WorkerBindings, 'SEARCH_RATE_LIMIT'>> {
  /** `production` switches the logs to one JSON object per line; anything else is development. */
  ENVIRONMENT?: string
  /**
   * The site's public origin (`https://studio.example`), used in links sent by e-mail (password reset,
   * invitations). Unset: the request's own origin, which on Cloudflare is always a hostname routed to
   * this Worker; set it in production so no request can choose the host a link points at.
   */
  PUBLIC_ORIGIN?: string
  /**
   * `off` stops the dashboard's busiest reads from being served from the isolate's read cache
   * (`src/data/read-cache.ts`), so every request runs its statement; for measuring and debugging.
   */
  READ_CACHE?: string
  /**
   * The largest deliverable upload in bytes (`src/upload/limits.ts`): default 95 MiB, at most the
   * platform's request limit (500,000,000).
   */
  DELIVERABLE_MAX_BYTES?: string
  /**
   * The bearer token of the 3D pipeline worker (`/internal/model-jobs`, assets-pipeline
   * `deliverable-worker`), a secret (`wrangler secret put PIPELINE_TOKEN`; locally `./kairo start`
   * generates it). Unset: every internal route answers 401.
   */
  PIPELINE_TOKEN?: string
  /**
   * The key the automations' run webhook secrets are derived from (`src/webhooks/keys.ts`), a secret
   * of at least 32 characters (`wrangler secret put WEBHOOK_SIGNING_KEY`; locally `./kairo start`
   * generates it). Unset: the webhook answers 503 and the team's automation page says webhooks are
   * not configured. Changing it changes every webhook's secret at once. The outgoing webhook endpoints'
   * signing secrets are derived from it too (`src/webhooks/outgoing/secret.ts`); unset, none can be
   * registered and nothing is sent.
   */
  WEBHOOK_SIGNING_KEY?: string
  /**
   * The key of the "known device" cookies (`src/auth/known-device.ts`), which keep a browser that has
   * signed in to an account outside that account's cross-address sign-in cap; a secret of at least 32
   * characters (`wrangler secret put KNOWN_DEVICE_SECRET`). Required in production; elsewhere a
   * development key stands in. Changing it makes every browser unknown until its next sign-in.
   */
  KNOWN_DEVICE_SECRET?: string
  /**
   * The key that encrypts the authenticator apps' TOTP secrets at rest (`src/auth/secret-box.ts`), a
   * secret of at least 32 characters (`wrangler secret put TOTP_ENCRYPTION_KEY`; locally `./kairo
   * start` generates it). Required in production; elsewhere a development key stands in. Changing it
   * turns every authenticator app off in effect: keep it, or have everyone set theirs up again.
   */
  TOTP_ENCRYPTION_KEY?: string
  /**
   * The roles that must have a second factor (`admin,team` when unset; `none` for nobody): their
   * sign-in asks them to set one up before any session is made (`src/auth/second-factor.ts`).
   */
  SECOND_FACTOR_REQUIRED_ROLES?: string
  // UNSUBSCRIBE_SECRET is declared in MailVars (the delivery job reads it with the mail settings): the
  // key of the notification e-mails' one-click unsubscribe links (notifications/unsubscribe-token.ts),
  // at least 32 characters; required in production, elsewhere a development key stands in.
}

/** Hono's environment type for this app: bindings plus per-request variables. */
export interface AppEnv {
  Bindings: Bindings
  Variables: {
    requestId: string
    /** This request's database client, opened on first use (see `lib/db.ts`). */
    db: () => DbClient
    /** This response's CSP nonce for inline `<style>`/`<script>` (see `middleware/security-headers`). */
    secureHeadersNonce?: string
    /** The signed-in user and session, or null (set by `middleware/session`'s `loadSession`). */
    auth: ValidatedSession | null
    /**
     * Set by a route that answers a database failure itself instead of throwing (`/api/health`'s
     * 503), so the request metrics count it as one (`ops/record.ts`).
     */
    databaseFailed?: boolean
  }
}

const checked = new WeakSet<object>()

/**
 * Throws one error naming every missing or malformed binding. The message names bindings only,
 * never their values (a connection string carries a password).
 */
export function assertBindings(env: Partial<Bindings> | undefined): asserts env is Bindings {
  if (env && checked.has(env)) return
  const problems: string[] = []
  const connectionString = env?.HYPERDRIVE?.connectionString
  if (typeof connectionString !== 'string' || !/^postgres(ql)?:\/\//.test(connectionString)) {
    problems.push('HYPERDRIVE (a Hyperdrive binding with a postgres:// connectionString)')
  }
  if (env?.ENVIRONMENT !== undefined && typeof env.ENVIRONMENT !== 'string') {
    problems.push('ENVIRONMENT (a string)')
  }
  if (env?.PUBLIC_ORIGIN !== undefined && !isOrigin(env.PUBLIC_ORIGIN)) {
    problems.push('PUBLIC_ORIGIN (an origin such as https://studio.example, no path)')
  }
  if (env?.READ_CACHE !== undefined && env.READ_CACHE !== 'on' && env.READ_CACHE !== 'off') {
    problems.push('READ_CACHE (on or off)')
  }
  if (
    env?.PIPELINE_TOKEN !== undefined &&
    (typeof env.PIPELINE_TOKEN !== 'string' || !/^[\x21-\x7e]{32,256}$/.test(env.PIPELINE_TOKEN))
  ) {
    problems.push('PIPELINE_TOKEN (32 to 256 printable characters, no spaces)')
  }
  const webhookSigningKey = env?.WEBHOOK_SIGNING_KEY
  if (
    webhookSigningKey !== undefined &&
    (typeof webhookSigningKey !== 'string' || webhookSigningKey.length < 32)
  ) {
    problems.push(
      'WEBHOOK_SIGNING_KEY (at least 32 random characters: wrangler secret put WEBHOOK_SIGNING_KEY)',
    )
  }
  const knownDeviceSecret = env?.KNOWN_DEVICE_SECRET
  if (
    knownDeviceSecret !== undefined
      ? typeof knownDeviceSecret !== 'string' || knownDeviceSecret.length < 32
      : env?.ENVIRONMENT === 'production'
  ) {
    problems.push(
      'KNOWN_DEVICE_SECRET (at least 32 random characters: wrangler secret put KNOWN_DEVICE_SECRET)',
    )
  }
  const totpKey = env?.TOTP_ENCRYPTION_KEY
  if (
    totpKey !== undefined
      ? typeof totpKey !== 'string' || totpKey.length < 32
      : env?.ENVIRONMENT === 'production'
  ) {
    problems.push(
      'TOTP_ENCRYPTION_KEY (at least 32 random characters: wrangler secret put TOTP_ENCRYPTION_KEY)',
    )
  }
  if (
    env?.SECOND_FACTOR_REQUIRED_ROLES !== undefined &&
    (typeof env.SECOND_FACTOR_REQUIRED_ROLES !== 'string' ||
      parseRequiredRoles(env.SECOND_FACTOR_REQUIRED_ROLES) === null)
  ) {
    problems.push('SECOND_FACTOR_REQUIRED_ROLES (roles separated by commas: admin, team, client; or none)')
  }
  const unsubscribeSecret = env?.UNSUBSCRIBE_SECRET
  if (
    unsubscribeSecret !== undefined
      ? typeof unsubscribeSecret !== 'string' || unsubscribeSecret.length < 32
      : env?.ENVIRONMENT === 'production'
  ) {
    problems.push(
      'UNSUBSCRIBE_SECRET (at least 32 random characters: wrangler secret put UNSUBSCRIBE_SECRET)',
    )
  }
  problems.push(...uploadLimitProblems(env))
  problems.push(...mailProblems(env))
  problems.push(...opsProblems(env))
  problems.push(...placeholderProblems(env))
  if (problems.length > 0) {
    throw new Error(`Worker configuration is invalid; missing or malformed: ${problems.join(', ')}`)
  }
  if (env) checked.add(env)
}

function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
}
