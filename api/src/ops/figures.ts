import type { Database } from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import type { Bindings } from '../env.ts'
import { AnalyticsEngineReader } from './analytics-engine.ts'
import { readOpsConfig } from './config.ts'
import { type MetricsFigures, type MetricsReader, PostgresMetricsReader, windowsOf } from './reader.ts'

// Everything the operations view and `/api/v1/ops` show: the request figures (from whichever reader
// the settings choose), failed sign-ins (the audit log) and the outbox's dead letters (Postgres).

/** The audit actions that count as a failed sign-in: a wrong password or passkey, a wrong second factor. */
export const FAILED_SIGN_IN_ACTIONS = ['auth.sign_in_failed', 'auth.second_factor_failed'] as const

export interface OpsCounts {
  failedSignIns: { day: number; month: number }
  /** Outbox messages given up on and not retried since. */
  deadLetters: number
}

export interface OpsFigures extends OpsCounts {
  /** Null when the figures live in Analytics Engine and no API token is set to read them. */
  metrics: MetricsFigures | null
  /** Where the request figures came from. */
  source: 'postgres' | 'analytics-engine' | 'unconfigured'
}

/** The reader for this deployment; null when Analytics Engine holds the figures but cannot be read. */
export function metricsReaderFor(env: Bindings, db: Database): MetricsReader | null {
  const config = readOpsConfig(env)
  if (!config.analyticsEngine) return new PostgresMetricsReader(db)
  return config.analyticsApi ? new AnalyticsEngineReader(config.analyticsApi) : null
}

/** Failed sign-ins over both windows and the dead letters, as one JSON value (an SQL expression). */
function countsJson(now: Date): SQL {
  const { dayFrom, monthFrom } = windowsOf(now)
  const actions = sql.join(
    FAILED_SIGN_IN_ACTIONS.map((action) => sql`${action}`),
    sql`, `,
  )
  return sql`(select json_build_object(
      'day', count(*) filter (where at >= ${dayFrom.toISOString()}::timestamptz),
      'month', count(*),
      'dead', (select count(*) from app.outbox where dead_at is not null and sent_at is null))
    from app.audit_log
    where at >= ${monthFrom.toISOString()}::timestamptz and at <= ${now.toISOString()}::timestamptz
      and action in (${actions}))`
}

function countsOf(value: unknown): OpsCounts {
  const row = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null
  return {
    failedSignIns: { day: Number(row?.day ?? 0), month: Number(row?.month ?? 0) },
    deadLetters: Number(row?.dead ?? 0),
  }
}

/** The counts alone (when the request figures come from Analytics Engine). */
export async function readOpsCounts(db: Database, now: Date): Promise<OpsCounts> {
  const [row] = await db.execute<{ counts: unknown }>(sql`select ${countsJson(now)} as counts`)
  return countsOf(row?.counts)
}

/**
 * The whole view's figures in one statement locally (the request figures with the counts), or one
 * statement and the Analytics Engine API in production.
 */
export async function readOpsFigures(env: Bindings, db: Database, now = new Date()): Promise<OpsFigures> {
  const reader = metricsReaderFor(env, db)
  if (reader instanceof PostgresMetricsReader) {
    const { figures, extra } = await reader.figuresWith(now, countsJson(now))
    return { ...countsOf(extra), metrics: figures, source: 'postgres' }
  }
  const [metrics, counts] = await Promise.all([reader ? reader.figures(now) : null, readOpsCounts(db, now)])
  return { ...counts, metrics, source: reader ? 'analytics-engine' : 'unconfigured' }
}
