import { createDb, users } from '@kairo/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { assertBindings, type Bindings } from '../env.ts'
import { isTransientDatabaseError } from '../lib/transient.ts'
import { type Mailbox, type MailConfig, readMailConfig } from '../mail/config.ts'
import { createTransport } from '../mail/create-transport.ts'
import { renderHtml, renderText } from '../mail/layout.ts'
import type { MailTransport } from '../mail/transport.ts'
import { type AlertThresholds, readOpsConfig } from './config.ts'
import { metricsReaderFor } from './figures.ts'
import type { Totals } from './reader.ts'
import { flushRequestMetrics } from './record.ts'

// The operations alerts, evaluated by the every-minute cron over the last 5 minutes: too many errors,
// too slow, or the database out of reach. The admins get one e-mail when an incident opens and one
// when it is over (10 minutes without any condition), whatever happens in between. The incident and
// the admins' addresses live in KV (`OPS_STATE`), not Postgres, and the mail goes straight through
// the transport rather than the outbox: both must work while the database is down.

/** The window each evaluation looks at. */
export const ALERT_WINDOW_MINUTES = 5
/** An incident is over after this long without any condition. */
export const QUIET_MS_TO_RESOLVE = 10 * 60_000

const INCIDENT_KEY = 'ops:incident'
const ADMINS_KEY = 'ops:admins'

export type AlertCondition = 'error_rate' | 'latency' | 'database'

export interface Incident {
  id: string
  openedAt: string
  /** The last evaluation that found a condition. */
  lastSeenAt: string
  /** Every condition seen during the incident. */
  conditions: AlertCondition[]
}

export interface AlertReport {
  conditions: AlertCondition[]
  window: Totals | null
  /** What this evaluation did. */
  action: 'none' | 'opened' | 'ongoing' | 'resolved' | 'skipped'
  /** How many admins the e-mail reached. */
  mailed: number
}

/** The conditions a window and the database probe meet. */
export function conditionsOf(window: Totals | null, databaseDown: boolean, thresholds: AlertThresholds) {
  const found: AlertCondition[] = []
  if (
    window &&
    window.requests >= thresholds.minRequests &&
    window.errors / window.requests > thresholds.errorRate
  )
    found.push('error_rate')
  // The minimum applies to the latency too: the p95 of a handful of requests is one slow request.
  if (
    window &&
    window.requests >= thresholds.minRequests &&
    window.p95Ms !== null &&
    window.p95Ms > thresholds.p95Ms
  )
    found.push('latency')
  if (databaseDown) found.push('database')
  return found
}

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`

function describe(condition: AlertCondition, window: Totals | null, thresholds: AlertThresholds): string {
  if (condition === 'database') return 'The database cannot be reached: requests that need it answer 503.'
  if (condition === 'error_rate' && window)
    return `${percent(window.errors / window.requests)} of the last ${ALERT_WINDOW_MINUTES} minutes' ${window.requests} requests failed (the alert is over ${percent(thresholds.errorRate)}).`
  if (condition === 'latency' && window) {
    const p95 = window.p95Ms === Number.POSITIVE_INFINITY ? 'over 10 s' : `up to ${window.p95Ms} ms`
    return `The 95th percentile latency of the last ${ALERT_WINDOW_MINUTES} minutes is ${p95} (the alert is over ${thresholds.p95Ms} ms).`
  }
  return condition
}

/** Whether Postgres answers: a `select 1` on a short connect timeout. */
async function probeDatabase(
  connectionString: string,
): Promise<{ up: boolean; client: ReturnType<typeof createDb> }> {
  const client = createDb(connectionString, { max: 1, connectTimeout: 3 })
  try {
    await client.db.execute(sql`select 1`)
    return { up: true, client }
  } catch (error) {
    if (!isTransientDatabaseError(error)) throw error
    return { up: false, client }
  }
}

/** The active admins' addresses, now (and kept in KV for when the database is down). */
async function adminsOf(db: ReturnType<typeof createDb>['db']): Promise<Mailbox[]> {
  const rows = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
  return rows.map((row) => ({ email: row.email, name: row.name }))
}

/** Sends one message to each admin; resolves to how many accepted it. Failures are logged, not thrown. */
async function mailAdmins(
  transport: MailTransport,
  config: MailConfig,
  admins: Mailbox[],
  id: string,
  parts: Parameters<typeof renderText>[0],
): Promise<number> {
  const domain = config.from.email.split('@')[1] ?? 'kairo.invalid'
  let sent = 0
  try {
    for (const [i, to] of admins.entries()) {
      try {
        await transport.send({
          messageId: `<${id}.${i}@${domain}>`,
          idempotencyKey: `${id}.${i}`,
          from: config.from,
          to,
          subject: parts.subject,
          text: renderText(parts),
          html: renderHtml(parts),
        })
        sent++
      } catch (error) {
        console.warn(
          JSON.stringify({ level: 'warn', msg: 'ops alert: mail failed', error: (error as Error).name }),
        )
      }
    }
  } finally {
    await transport.close()
  }
  return sent
}

export interface AlertOptions {
  now?: Date
  /** The transport; default the configured one (tests pass their own). */
  transport?: MailTransport
}

/**
 * One evaluation (the every-minute cron): flushes this isolate's request figures, reads the last 5
 * minutes, probes the database, and opens, continues or resolves the incident, mailing the admins
 * when it opens and when it resolves.
 */
export async function runOpsAlerts(env: Bindings, options: AlertOptions = {}): Promise<AlertReport> {
  assertBindings(env)
  const now = options.now ?? new Date()
  const kv = env.OPS_STATE
  const mail = readMailConfig(env)
  if (!kv || !mail) {
    console.warn(
      JSON.stringify({
        level: 'warn',
        msg: `ops alerts: ${kv ? 'MAIL_TRANSPORT' : 'the OPS_STATE binding'} is not set; nothing evaluated`,
      }),
    )
    return { conditions: [], window: null, action: 'skipped', mailed: 0 }
  }
  const { thresholds } = readOpsConfig(env)
  // The figures this isolate holds, written before they are read (the local sink).
  await flushRequestMetrics(env)
  const { up, client } = await probeDatabase(env.HYPERDRIVE.connectionString)
  let window: Totals | null = null
  let admins: Mailbox[]
  try {
    if (up) {
      window =
        (await metricsReaderFor(env, client.db)
          ?.recent(now, ALERT_WINDOW_MINUTES)
          .catch((error: unknown) => {
            // Analytics Engine out of reach: the database condition can still be judged.
            console.warn(
              JSON.stringify({
                level: 'warn',
                msg: 'ops alerts: figures unreadable',
                error: (error as Error).message,
              }),
            )
            return null
          })) ?? null
      admins = await adminsOf(client.db)
      await kv.put(ADMINS_KEY, JSON.stringify(admins))
    } else {
      admins = (await kv.get<Mailbox[]>(ADMINS_KEY, 'json')) ?? []
    }
  } finally {
    await client.close()
  }
  const conditions = conditionsOf(window, !up, thresholds)
  const incident = await kv.get<Incident>(INCIDENT_KEY, 'json')
  const transport = () => options.transport ?? createTransport(mail)

  if (conditions.length > 0) {
    if (incident) {
      const seen = [...new Set([...incident.conditions, ...conditions])]
      await kv.put(
        INCIDENT_KEY,
        JSON.stringify({ ...incident, lastSeenAt: now.toISOString(), conditions: seen }),
      )
      return { conditions, window, action: 'ongoing', mailed: 0 }
    }
    const opened: Incident = {
      id: crypto.randomUUID(),
      openedAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      conditions,
    }
    // Stored before the mail goes, so a failing mail server cannot make every minute a new alert.
    await kv.put(INCIDENT_KEY, JSON.stringify(opened))
    const link = env.PUBLIC_ORIGIN
      ? { label: 'Open the operations view', url: `${env.PUBLIC_ORIGIN}/dashboard/ops` }
      : undefined
    const mailed = await mailAdmins(transport(), mail, admins, `ops-${opened.id}-opened`, {
      subject: `Kairo alert: ${conditions.map((c) => CONDITION_NAMES[c]).join(', ')}`,
      heading: 'The Worker needs attention',
      paragraphs: [
        ...conditions.map((condition) => describe(condition, window, thresholds)),
        `Since ${now.toISOString().replace('T', ' ').slice(0, 16)} UTC. You get one more e-mail when it has been quiet for ${QUIET_MS_TO_RESOLVE / 60_000} minutes.`,
      ],
      ...(link ? { action: link } : {}),
    })
    console.warn(JSON.stringify({ level: 'warn', msg: 'ops alert opened', conditions, mailed }))
    return { conditions, window, action: 'opened', mailed }
  }

  if (incident && now.getTime() - Date.parse(incident.lastSeenAt) >= QUIET_MS_TO_RESOLVE) {
    await kv.delete(INCIDENT_KEY)
    const mailed = await mailAdmins(transport(), mail, admins, `ops-${incident.id}-resolved`, {
      subject: `Kairo resolved: ${incident.conditions.map((c) => CONDITION_NAMES[c]).join(', ')}`,
      heading: 'The incident is over',
      paragraphs: [
        `Nothing has been wrong for ${QUIET_MS_TO_RESOLVE / 60_000} minutes. The incident opened at ${incident.openedAt.replace('T', ' ').slice(0, 16)} UTC; the last trouble was seen at ${incident.lastSeenAt.replace('T', ' ').slice(0, 16)} UTC.`,
      ],
    })
    console.log(JSON.stringify({ level: 'info', msg: 'ops alert resolved', mailed }))
    return { conditions, window, action: 'resolved', mailed }
  }
  return { conditions, window, action: incident ? 'ongoing' : 'none', mailed: 0 }
}

export const CONDITION_NAMES: Record<AlertCondition, string> = {
  error_rate: 'error rate',
  latency: 'slow answers',
  database: 'database unreachable',
}

/** The open incident, if any (the operations view shows it). */
export async function openIncident(env: Bindings): Promise<Incident | null> {
  return env.OPS_STATE ? await env.OPS_STATE.get<Incident>(INCIDENT_KEY, 'json') : null
}
