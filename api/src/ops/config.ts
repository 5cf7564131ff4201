// The operations settings (api/README.md "Operations and alerts"), read from the Worker's vars and
// secrets. `assertBindings` (src/env.ts) calls `opsProblems` with the other bindings, so one message
// names every bad key; the recorder, the view and the alerts then read them with `readOpsConfig`.

/** The operations bindings and variables as the Worker receives them. */
export interface OpsVars
  // Typed by `wrangler types` from wrangler.toml; optional here because a test or a stripped-down
  // deployment may leave them out, and the code falls back (Postgres, no alerts) instead of failing.
  extends Partial<Pick<WorkerBindings, 'OPS_METRICS' | 'OPS_VITALS' | 'OPS_STATE'>> {
  /** `off`: no request is recorded (measuring the recorder's own cost). Default on. */
  REQUEST_METRICS?: string
  /** The Cloudflare account whose Analytics Engine the operations view reads (production). */
  OPS_ANALYTICS_ACCOUNT_ID?: string
  /** An API token with Account Analytics: Read, a secret (`wrangler secret put OPS_ANALYTICS_API_TOKEN`). */
  OPS_ANALYTICS_API_TOKEN?: string
  /** The Cloudflare API's base URL (default `https://api.cloudflare.com/client/v4`; tests point it at a local server). */
  OPS_ANALYTICS_API_URL?: string
  /** Alert when more than this percentage of the last 5 minutes' requests failed (5xx); default 5. */
  OPS_ALERT_ERROR_RATE_PERCENT?: string
  /** ...counting only windows with at least this many requests; default 20. */
  OPS_ALERT_MIN_REQUESTS?: string
  /** Alert when the last 5 minutes' 95th percentile latency passes this many ms; default 1000. */
  OPS_ALERT_P95_MS?: string
}

/** The alert thresholds (see {@link OpsVars}). */
export interface AlertThresholds {
  /** A share, 0.05 for 5 %. */
  errorRate: number
  minRequests: number
  p95Ms: number
}

/** Where the request figures are read back in production: Analytics Engine's SQL API. */
export interface AnalyticsApiSettings {
  accountId: string
  apiToken: string
  apiUrl: string
}

export interface OpsConfig {
  recording: boolean
  /** Write and read Analytics Engine (production with the dataset bound) rather than Postgres. */
  analyticsEngine: boolean
  /** Null when the account id or the token is missing: the view then says the figures are not readable. */
  analyticsApi: AnalyticsApiSettings | null
  thresholds: AlertThresholds
}

export const DEFAULT_THRESHOLDS: AlertThresholds = { errorRate: 0.05, minRequests: 20, p95Ms: 1000 }
export const DEFAULT_ANALYTICS_API_URL = 'https://api.cloudflare.com/client/v4'

/** A decimal in [min, max]; undefined or blank gives the fallback; anything else NaN. */
function numberIn(value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return Number.NaN
  const parsed = Number(value)
  return parsed >= min && parsed <= max ? parsed : Number.NaN
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** What is wrong with the operations settings, one entry per key (names only, never values). */
export function opsProblems(vars: OpsVars | undefined): string[] {
  const problems: string[] = []
  if (
    vars?.REQUEST_METRICS !== undefined &&
    vars.REQUEST_METRICS !== '' &&
    vars.REQUEST_METRICS !== 'on' &&
    vars.REQUEST_METRICS !== 'off'
  ) {
    problems.push('REQUEST_METRICS (on or off)')
  }
  for (const key of [
    'OPS_ANALYTICS_ACCOUNT_ID',
    'OPS_ANALYTICS_API_TOKEN',
    'OPS_ANALYTICS_API_URL',
  ] as const) {
    const value = vars?.[key]
    if (value !== undefined && !isString(value)) problems.push(`${key} (a string)`)
  }
  const accountId = vars?.OPS_ANALYTICS_ACCOUNT_ID
  // An empty value (a blank line of .env) is unset.
  if (isString(accountId) && accountId !== '' && !/^[0-9a-f]{32}$/.test(accountId)) {
    problems.push('OPS_ANALYTICS_ACCOUNT_ID (the 32 hex characters of the Cloudflare account id)')
  }
  if (Boolean(vars?.OPS_ANALYTICS_ACCOUNT_ID) !== Boolean(vars?.OPS_ANALYTICS_API_TOKEN)) {
    problems.push('OPS_ANALYTICS_ACCOUNT_ID and OPS_ANALYTICS_API_TOKEN (both or neither)')
  }
  const apiUrl = vars?.OPS_ANALYTICS_API_URL
  if (isString(apiUrl) && apiUrl !== '' && !/^https?:\/\/[^\s]+$/.test(apiUrl)) {
    problems.push('OPS_ANALYTICS_API_URL (an http(s) URL)')
  }
  if (Number.isNaN(numberIn(vars?.OPS_ALERT_ERROR_RATE_PERCENT, 0.1, 100, 0))) {
    problems.push('OPS_ALERT_ERROR_RATE_PERCENT (a percentage, 0.1-100)')
  }
  if (Number.isNaN(numberIn(vars?.OPS_ALERT_MIN_REQUESTS, 1, 1_000_000, 0))) {
    problems.push('OPS_ALERT_MIN_REQUESTS (a whole number, 1 or more)')
  } else if (!Number.isInteger(numberIn(vars?.OPS_ALERT_MIN_REQUESTS, 1, 1_000_000, 1))) {
    problems.push('OPS_ALERT_MIN_REQUESTS (a whole number, 1 or more)')
  }
  if (Number.isNaN(numberIn(vars?.OPS_ALERT_P95_MS, 10, 600_000, 0))) {
    problems.push('OPS_ALERT_P95_MS (milliseconds, 10-600000)')
  }
  return problems
}

/** The settings; call after `assertBindings` (which has rejected malformed values). */
export function readOpsConfig(vars: OpsVars & { ENVIRONMENT?: string }): OpsConfig {
  const accountId = vars.OPS_ANALYTICS_ACCOUNT_ID
  const apiToken = vars.OPS_ANALYTICS_API_TOKEN
  return {
    recording: vars.REQUEST_METRICS !== 'off',
    // Miniflare binds a local stand-in for every dataset in wrangler.toml, which keeps nothing that
    // can be read back; so only production writes there, and everywhere else uses Postgres.
    analyticsEngine: vars.ENVIRONMENT === 'production' && vars.OPS_METRICS !== undefined,
    analyticsApi:
      accountId && apiToken
        ? { accountId, apiToken, apiUrl: vars.OPS_ANALYTICS_API_URL || DEFAULT_ANALYTICS_API_URL }
        : null,
    thresholds: {
      errorRate:
        numberIn(vars.OPS_ALERT_ERROR_RATE_PERCENT, 0.1, 100, DEFAULT_THRESHOLDS.errorRate * 100) / 100,
      minRequests: numberIn(vars.OPS_ALERT_MIN_REQUESTS, 1, 1_000_000, DEFAULT_THRESHOLDS.minRequests),
      p95Ms: numberIn(vars.OPS_ALERT_P95_MS, 10, 600_000, DEFAULT_THRESHOLDS.p95Ms),
    },
  }
}
