import { createRoute, z } from '@hono/zod-openapi'
import { readAnalytics } from '../../data/analytics.ts'
import { errorBody } from '../../lib/errors.ts'
import { scopeFor } from '../dashboard/context.ts'
import { analyticsQuery } from '../team/analytics/schema.ts'
import { staffOnly } from '../team/limits.ts'
import { commonErrors, createV1Router, jsonResponse } from './router.ts'

// `GET /api/v1/analytics`: the figures of `/dashboard/analytics` as JSON, for studio staff (a client
// gets 404), from the same statement.

const ShareSchema = z.object({
  key: z.string().nullable().openapi({ description: 'Null: not recorded (leads from before 0010)' }),
  leads: z.number().int(),
})

const RankingSchema = z
  .object({
    top: z.array(ShareSchema).openapi({ description: 'At most 10, most leads first' }),
    otherLeads: z.number().int().openapi({ description: 'The leads of the entries past the top 10' }),
    otherEntries: z.number().int(),
  })
  .openapi('AnalyticsRanking')

const AnalyticsSchema = z
  .object({
    weeks: z.number().int(),
    since: z.iso.date().openapi({ description: "The first week's Monday (UTC)" }),
    until: z.iso.datetime(),
    totals: z.object({
      leads: z.number().int(),
      converted: z.number().int(),
      receivedConverted: z.number().int().openapi({ description: "Of the period's leads, clients now" }),
      approvals: z.number().int(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
    }),
    leadsPerWeek: z.array(
      z.object({
        week: z.iso.date().openapi({ description: 'The Monday of the week' }),
        leads: z.number().int(),
        converted: z.number().int().openapi({ description: 'Leads that became clients in the week' }),
        receivedConverted: z
          .number()
          .int()
          .openapi({ description: "Of the week's leads, how many have become clients since" }),
      }),
    ),
    bySourcePage: RankingSchema,
    byService: RankingSchema,
    turnaround: z.array(
      z.object({
        month: z.iso.date().openapi({ description: "The month's first day" }),
        approvals: z.number().int(),
        medianDays: z.number().nullable().openapi({ description: 'Days from upload to approval' }),
        p90Days: z.number().nullable(),
      }),
    ),
    waiting: z.array(
      z.object({
        versionId: z.uuid(),
        number: z.number().int(),
        deliverableId: z.uuid(),
        deliverableTitle: z.string(),
        projectId: z.uuid(),
        projectName: z.string(),
        companyName: z.string(),
        uploadedAt: z.iso.datetime(),
        waitingDays: z.number(),
      }),
    ),
  })
  .openapi('StudioAnalytics')

export const analyticsApi = createV1Router()

analyticsApi.use('/analytics', staffOnly)

analyticsApi.openapi(
  createRoute({
    method: 'get',
    path: '/analytics',
    tags: ['Analytics'],
    summary: 'The studio analytics: leads per week, by source page and service, conversions, turnaround',
    description:
      'Weeks run Monday to Sunday and months are calendar months, in UTC. Every week and month of the ' +
      'period is listed, zeros included. `waiting`: the current versions waiting longest for a decision.',
    request: { query: analyticsQuery },
    responses: { 200: jsonResponse(AnalyticsSchema, "The period's figures"), ...commonErrors },
  }),
  async (c) => {
    const analytics = await readAnalytics(c.var.db().db, scopeFor(c), c.req.valid('query').weeks)
    if (!analytics) return c.json(errorBody('not_found', 'Not found'), 404)
    return c.json(analytics, 200)
  },
)
