import { createRoute, z } from '@hono/zod-openapi'
import { automationRunOutcome, automationStatus } from '@kairo/db'
import { recordAudit } from '../../audit/record.ts'
import {
  type AutomationDetail,
  type AutomationSummary,
  changeAutomationState,
  getAutomation,
  listAutomations,
  listRuns,
  RUN_HISTORY_LIMIT,
  RUN_HISTORY_MAX,
  type RunView,
  type StateChange,
} from '../../data/automations.ts'
import { errorBody } from '../../lib/errors.ts'
import { stateMessage } from '../../views/dashboard/automation-state-page.tsx'
import { automationStateLimit } from '../dashboard/automations.tsx'
import { cachedRead, scopeFor, signedInUser } from '../dashboard/context.ts'
import { IdParam } from './projects.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonResponse } from './router.ts'

// `/api/v1/automations`: the automations pages as JSON, through the same scoped data functions and
// the same pause/resume (one transaction with its audit entry). Another company's automation is 404;
// a non-uuid id is 422. Pause/resume need `Content-Type: application/json` (any or no body).

const isoDate = z.iso.datetime({ offset: true })

const RunSchema = z
  .object({
    id: z.uuid(),
    startedAt: isoDate,
    finishedAt: isoDate.nullable(),
    outcome: z.enum(automationRunOutcome.enumValues),
    durationMs: z.number().int().nullable().openapi({ description: 'Null while running' }),
    message: z.string().nullable(),
  })
  .openapi('AutomationRun')

const AutomationSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.enum(automationStatus.enumValues),
    companyName: z.string(),
    updatedAt: isoDate,
    lastRun: z
      .object({
        startedAt: isoDate,
        outcome: z.enum(automationRunOutcome.enumValues),
        durationMs: z.number().int().nullable(),
      })
      .nullable(),
  })
  .openapi('AutomationSummary')

const FlowSchema = z
  .object({
    nodes: z.array(
      z.object({ id: z.string(), type: z.enum(['trigger', 'action', 'condition']), label: z.string() }),
    ),
    edges: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .openapi('AutomationFlow')

const AutomationSchema = AutomationSummarySchema.extend({
  companyId: z.uuid(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  version: z.string().openapi({ description: 'For a conditional PATCH /automations/{id}' }),
  flowVersion: z.string().openapi({ description: 'For a conditional PUT /automations/{id}/flow' }),
  flow: FlowSchema,
  runs: z.array(RunSchema).openapi({ description: `The latest ${RUN_HISTORY_LIMIT}, newest first` }),
}).openapi('Automation')

const StateChangeSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(automationStatus.enumValues),
    changed: z.boolean().openapi({ description: 'False when it already was in that state' }),
  })
  .openapi('AutomationStateChange')

const RunsQuery = z.object({
  limit: z.coerce
    .number({ message: 'Must be a whole number' })
    .int({ message: 'Must be a whole number' })
    .min(1, { message: 'Must be at least 1' })
    .max(RUN_HISTORY_MAX, { message: `Must be at most ${RUN_HISTORY_MAX}` })
    .default(RUN_HISTORY_LIMIT)
    .openapi({ param: { name: 'limit', in: 'query' }, example: RUN_HISTORY_LIMIT }),
})

const runJson = (run: RunView) => ({
  id: run.id,
  startedAt: run.startedAt.toISOString(),
  finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  outcome: run.outcome,
  durationMs: run.durationMs,
  message: run.message,
})

function summaryJson(automation: AutomationSummary) {
  return {
    id: automation.id,
    title: automation.title,
    description: automation.description,
    status: automation.status,
    companyName: automation.companyName,
    updatedAt: automation.updatedAt.toISOString(),
    lastRun: automation.lastRun
      ? {
          startedAt: automation.lastRun.startedAt.toISOString(),
          outcome: automation.lastRun.outcome,
          durationMs: automation.lastRun.durationMs,
        }
      : null,
  }
}

const automationJson = (automation: AutomationDetail) => ({
  ...summaryJson(automation),
  companyId: automation.companyId,
  ownerId: automation.ownerId,
  ownerName: automation.ownerName,
  version: automation.version,
  flowVersion: automation.flowVersion,
  flow: automation.flow,
  runs: automation.runs.map(runJson),
})

const notFound = errorBody('not_found', 'No such automation')

export const automationsApi = createV1Router()

automationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/automations',
    tags: ['Automations'],
    summary: 'The automations you can see, running ones first',
    responses: {
      200: jsonResponse(z.object({ automations: z.array(AutomationSummarySchema) }), 'The automations'),
      401: commonErrors[401],
    },
  }),
  async (c) => {
    const automations = await cachedRead(c, 'automations', (scope) => listAutomations(c.var.db().db, scope))
    return c.json({ automations: automations.map(summaryJson) }, 200)
  },
)

automationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/automations/{id}',
    tags: ['Automations'],
    summary: 'One automation with its flow and latest runs',
    request: { params: IdParam },
    responses: { 200: jsonResponse(AutomationSchema, 'The automation'), ...commonErrors },
  }),
  async (c) => {
    const automation = await getAutomation(c.var.db().db, scopeFor(c), c.req.valid('param').id)
    if (!automation) return c.json(notFound, 404)
    return c.json(automationJson(automation), 200)
  },
)

automationsApi.openapi(
  createRoute({
    method: 'get',
    path: '/automations/{id}/runs',
    tags: ['Automations'],
    summary: 'The latest runs of an automation, newest first',
    request: { params: IdParam, query: RunsQuery },
    responses: { 200: jsonResponse(z.object({ runs: z.array(RunSchema) }), 'The runs'), ...commonErrors },
  }),
  async (c) => {
    const runs = await listRuns(
      c.var.db().db,
      scopeFor(c),
      c.req.valid('param').id,
      c.req.valid('query').limit,
    )
    if (!runs) return c.json(notFound, 404)
    return c.json({ runs: runs.map(runJson) }, 200)
  },
)

function stateRoute(change: StateChange) {
  return createRoute({
    method: 'post',
    path: `/automations/{id}/${change}`,
    tags: ['Automations'],
    summary: change === 'pause' ? 'Pause a running automation' : 'Resume a paused automation',
    description:
      'Writes an audit entry with the change. Already in the target state: 200 with changed false. ' +
      'A draft: 409 invalid_state. Send Content-Type: application/json (the body is ignored).',
    middleware: [automationStateLimit()] as const,
    request: { params: IdParam },
    responses: {
      200: jsonResponse(StateChangeSchema, 'The state after the request'),
      ...commonErrors,
      409: jsonResponse(ErrorSchema, 'A draft cannot be paused or resumed'),
      415: jsonResponse(ErrorSchema, 'Not sent as application/json'),
      429: jsonResponse(ErrorSchema, 'Too many changes; see Retry-After'),
    },
  })
}

for (const change of ['pause', 'resume'] as const) {
  automationsApi.openapi(stateRoute(change), async (c) => {
    const { id } = c.req.valid('param')
    const user = signedInUser(c)
    const result = await changeAutomationState(c.var.db().db, scopeFor(c), id, change, (event, tx) =>
      recordAudit(c, { ...event, actorId: user.id }, tx),
    )
    if (result.outcome === 'not_found') return c.json(notFound, 404)
    if (result.outcome === 'not_allowed') {
      return c.json(errorBody('invalid_state', stateMessage(result.title, result.status, change)), 409)
    }
    return c.json({ id, status: result.status, changed: result.outcome === 'changed' }, 200)
  })
}
