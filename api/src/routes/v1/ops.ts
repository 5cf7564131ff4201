import { createRoute, z } from '@hono/zod-openapi'
import { openIncident } from '../../ops/alerts.ts'
import { readOpsFigures } from '../../ops/figures.ts'
import { LATENCY_BOUNDS_MS, VITAL_BOUNDS } from '../../ops/histogram.ts'
import type { MetricsWindow, Totals } from '../../ops/reader.ts'
import { adminOnly } from '../team/limits.ts'
import { commonErrors, createV1Router, jsonResponse } from './router.ts'

// `/api/v1/ops`: the operations view's figures as JSON, for admins only (anyone else gets 404, as
// for a route that does not exist).

const percentile = (description: string) =>
  z
    .number()
    .nullable()
    .openapi({
      description: `${description}: the upper bound of the fixed histogram bucket that holds it; null without data.`,
    })

const TotalsShape = {
  requests: z.number().int(),
  errors: z.number().int().openapi({ description: 'Answers with a 5xx status' }),
  errorRate: z
    .number()
    .nullable()
    .openapi({ description: 'errors / requests (0 to 1); null without requests' }),
  dbFailures: z.number().int().openapi({ description: 'Requests that could not reach the database (503)' }),
  p95Ms: percentile('The 95th percentile latency in ms'),
  p95OverMs: z.number().nullable().openapi({
    description:
      'Set (to the last bucket bound, 10000) when the 95th percentile is past it; p95Ms is then null',
  }),
}

const WindowSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    totals: z.object(TotalsShape),
    failedSignIns: z.number().int(),
    routes: z.array(z.object({ route: z.string(), method: z.string(), ...TotalsShape })),
    slots: z.array(z.object({ start: z.iso.datetime(), ...TotalsShape })),
  })
  .openapi('OpsWindow')

const OpsSchema = z
  .object({
    source: z.enum(['postgres', 'analytics-engine', 'unconfigured']),
    deadLetters: z
      .number()
      .int()
      .openapi({ description: 'Outbox messages given up on (see /api/v1/outbox)' }),
    incident: z
      .object({
        openedAt: z.iso.datetime(),
        lastSeenAt: z.iso.datetime(),
        conditions: z.array(z.enum(['error_rate', 'latency', 'database'])),
      })
      .nullable(),
    day: WindowSchema.nullable().openapi({
      description: 'The last 24 hours, hourly slots; null when unreadable',
    }),
    month: WindowSchema.nullable().openapi({
      description: 'The last 30 days, daily slots; null when unreadable',
    }),
    vitals: z.array(
      z.object({
        pageType: z.string(),
        metric: z.enum(['lcp', 'inp', 'cls']),
        samples: z.number().int(),
        p75: percentile('The 75th percentile (ms; CLS unitless)'),
        p75Over: z.number().nullable(),
      }),
    ),
  })
  .openapi('Ops')

/** A bucket bound as JSON: `Infinity` (past the last bound) becomes null plus the bound it passed. */
function bound(value: number | null, last: number): { value: number | null; over: number | null } {
  return value === Number.POSITIVE_INFINITY ? { value: null, over: last } : { value, over: null }
}

function totalsJson(totals: Totals) {
  const p95 = bound(totals.p95Ms, LATENCY_BOUNDS_MS.at(-1) ?? 0)
  return {
    requests: totals.requests,
    errors: totals.errors,
    errorRate: totals.requests === 0 ? null : totals.errors / totals.requests,
    dbFailures: totals.dbFailures,
    p95Ms: p95.value,
    p95OverMs: p95.over,
  }
}

function windowJson(window: MetricsWindow, failedSignIns: number) {
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    totals: totalsJson(window.totals),
    failedSignIns,
    routes: window.routes.map((route) => ({
      route: route.route,
      method: route.method,
      ...totalsJson(route),
    })),
    slots: window.slots.map((slot) => ({ start: slot.start, ...totalsJson(slot) })),
  }
}

export const opsApi = createV1Router()

opsApi.use('/ops', adminOnly)

opsApi.openapi(
  createRoute({
    method: 'get',
    path: '/ops',
    tags: ['Operations'],
    summary:
      'Requests, errors, latency, database failures, failed sign-ins, dead e-mail and field vitals (admin only)',
    responses: { 200: jsonResponse(OpsSchema, 'The last 24 hours and 30 days'), ...commonErrors },
  }),
  async (c) => {
    const [figures, incident] = await Promise.all([readOpsFigures(c.env, c.var.db().db), openIncident(c.env)])
    const { metrics } = figures
    return c.json(
      {
        source: figures.source,
        deadLetters: figures.deadLetters,
        incident: incident
          ? { openedAt: incident.openedAt, lastSeenAt: incident.lastSeenAt, conditions: incident.conditions }
          : null,
        day: metrics ? windowJson(metrics.day, figures.failedSignIns.day) : null,
        month: metrics ? windowJson(metrics.month, figures.failedSignIns.month) : null,
        vitals: (metrics?.vitals ?? []).map((v) => {
          const p75 = bound(v.p75, VITAL_BOUNDS[v.metric].at(-1) ?? 0)
          return {
            pageType: v.pageType,
            metric: v.metric,
            samples: v.samples,
            p75: p75.value,
            p75Over: p75.over,
          }
        }),
      },
      200,
    )
  },
)
