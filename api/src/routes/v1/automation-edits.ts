import { createRoute, z } from '@hono/zod-openapi'
import {
  type AutomationRecord,
  changeFlow,
  createAutomation,
  updateAutomation,
} from '../../data/automation-edits.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor } from '../dashboard/context.ts'
import {
  AUTOMATION_STATUSES,
  automationCreate,
  automationPatch,
  flowReplace,
} from '../team/automations/schema.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonBody, jsonResponse } from './router.ts'

// The studio's automation writes as JSON, for staff only (a client gets 404 before its body is
// read): create one for a company, change its fields, replace its flow. The same data functions,
// rules, audit entries and write limit as the team's forms. `version` / `flowVersion` (from
// `GET /automations/{id}` or any of these answers) make a write conditional: a different stored
// version is 409 `stale_version` and nothing changes.

const isoDate = z.iso.datetime({ offset: true })

const FlowSchema = z
  .object({
    nodes: z.array(
      z.object({ id: z.string(), type: z.enum(['trigger', 'action', 'condition']), label: z.string() }),
    ),
    edges: z.array(z.object({ from: z.string(), to: z.string() })),
  })
  .openapi('AutomationFlowRecord')

const AutomationRecordSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    title: z.string(),
    description: z.string(),
    status: z.enum(AUTOMATION_STATUSES),
    ownerId: z.uuid().nullable(),
    flow: FlowSchema,
    version: z.string().openapi({ description: 'Changes when the title, description, status or owner does' }),
    flowVersion: z.string().openapi({ description: 'Changes when the flow does' }),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .openapi('AutomationRecord')

const pathId = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' })
const IdParam = z.object({ id: pathId('id') })

const noAutomation = errorBody('not_found', 'No such automation')
const noCompany = errorBody('not_found', 'No such company')
const stale = (what: string) =>
  errorBody('stale_version', `The automation's ${what} changed since that version; read it again`)
const invalid = (fields: Record<string, string>) =>
  errorBody('invalid_input', 'Some fields need attention', fields)

const recordJson = (automation: AutomationRecord) => ({
  ...automation,
  createdAt: automation.createdAt.toISOString(),
  updatedAt: automation.updatedAt.toISOString(),
})

const writeErrors = {
  ...commonErrors,
  409: jsonResponse(ErrorSchema, 'stale_version: the version sent is no longer the stored one'),
  415: jsonResponse(ErrorSchema, 'Not sent as application/json'),
  429: jsonResponse(ErrorSchema, 'Too many writes; see Retry-After'),
}

export const automationEditsApi = createV1Router()

automationEditsApi.openapi(
  createRoute({
    method: 'post',
    path: '/companies/{id}/automations',
    tags: ['Automations'],
    summary: 'Create an automation for a company (staff; audited as automation.created)',
    description:
      'status defaults to draft, ownerId (a member of the studio) to null. An optional first flow is checked ' +
      'like PUT /automations/{id}/flow; its messages are keyed flow.nodes.N.id and so on.',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(automationCreate) },
    responses: { 201: jsonResponse(AutomationRecordSchema, 'The new automation'), ...writeErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await createAutomation(c.var.db().db, scopeFor(c), id, c.req.valid('json'), auditFor(c))
    if (result.ok) return c.json(recordJson(result.automation), 201)
    if (result.reason === 'invalid') return c.json(invalid(result.fields), 422)
    return c.json(noCompany, 404)
  },
)

automationEditsApi.openapi(
  createRoute({
    method: 'patch',
    path: '/automations/{id}',
    tags: ['Automations'],
    summary:
      "Change an automation's title, description, status or owner (staff; audited as automation.updated)",
    middleware: [staffOnly, staffWriteLimit] as const,
    request: {
      params: IdParam,
      body: jsonBody(automationPatch, 'Any of the fields; ownerId null for nobody'),
    },
    responses: {
      200: jsonResponse(
        AutomationRecordSchema.extend({
          changed: z.array(z.string()).openapi({ description: 'The fields that changed' }),
        }),
        'The automation',
      ),
      ...writeErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...changes } = c.req.valid('json')
    const result = await updateAutomation(c.var.db().db, scopeFor(c), id, changes, version, auditFor(c))
    if (result.ok) return c.json({ ...recordJson(result.automation), changed: result.changed }, 200)
    if (result.reason === 'invalid') return c.json(invalid(result.fields), 422)
    if (result.reason === 'stale') return c.json(stale('details'), 409)
    return c.json(noAutomation, 404)
  },
)

automationEditsApi.openapi(
  createRoute({
    method: 'put',
    path: '/automations/{id}/flow',
    tags: ['Automations'],
    summary: "Replace an automation's flow (staff; audited as automation.flow_changed)",
    description:
      'Step ids are unique (lower-case letters, digits, - and _); connections join two existing steps, ' +
      'never a step to itself, never twice, never into a trigger. Messages are keyed nodes.N.id, edges.N.to and so on.',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(flowReplace) },
    responses: {
      200: jsonResponse(
        AutomationRecordSchema.extend({
          changed: z.boolean().openapi({ description: 'False when the flow was already this one' }),
        }),
        'The automation with its new flow',
      ),
      ...writeErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { version, ...flow } = c.req.valid('json')
    const result = await changeFlow(
      c.var.db().db,
      scopeFor(c),
      id,
      { kind: 'replaced', flow },
      version,
      auditFor(c),
    )
    if (result.ok) return c.json({ ...recordJson(result.automation), changed: result.changed }, 200)
    if (result.reason === 'invalid') return c.json(invalid(result.fields), 422)
    if (result.reason === 'stale') return c.json(stale('flow'), 409)
    return c.json(noAutomation, 404)
  },
)
