import { createRoute, z } from '@hono/zod-openapi'
import { convertLead } from '../../data/lead-conversion.ts'
import { addLeadNote, getLead, LEAD_STATUSES, listLeads, setLeadStatus } from '../../data/leads.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor, signedInUser } from '../dashboard/context.ts'
import { leadConversionInput, leadListQuery, leadNoteInput, leadStatusInput } from '../team/leads/schema.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonBody, jsonResponse } from './router.ts'

// `/api/v1/leads`: the leads pages as JSON, for studio staff (a client gets 404), through the same
// data functions.

const LeadSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    company: z.string().nullable(),
    status: z.enum(LEAD_STATUSES as ['new', 'contacted', 'qualified', 'closed']),
    createdAt: z.iso.datetime(),
  })
  .openapi('LeadSummary')

const LeadNoteSchema = z
  .object({ id: z.uuid(), body: z.string(), createdAt: z.iso.datetime(), authorName: z.string().nullable() })
  .openapi('LeadNote')

const LeadSchema = LeadSummarySchema.extend({
  message: z.string(),
  source: z.string(),
  sourcePage: z
    .string()
    .nullable()
    .openapi({ description: 'The path of the site page whose form sent it; null when unknown' }),
  service: z.string().nullable().openapi({ description: 'The slug of the service the sender picked' }),
  companyId: z.uuid().nullable().openapi({ description: 'The company it became (see conversion)' }),
  companyName: z.string().nullable(),
  convertedAt: z.iso.datetime().nullable().openapi({ description: 'When it became a client' }),
  notes: z.array(LeadNoteSchema).openapi({ description: 'Newest first' }),
}).openapi('Lead')

const LeadConversionSchema = z
  .object({
    id: z.uuid(),
    company: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
    created: z.boolean().openapi({ description: 'Whether the company was created by this conversion' }),
    convertedAt: z.iso.datetime(),
  })
  .openapi('LeadConversion')

const LeadListSchema = z
  .object({
    items: z.array(LeadSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int().nullable().openapi({ description: 'Null when the page is past the end' }),
  })
  .openapi('LeadList')

const IdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) })
const notFound = errorBody('not_found', 'No such lead')

export const leadsApi = createV1Router()

leadsApi.use('/leads', staffOnly)
leadsApi.use('/leads/*', staffOnly)

leadsApi.openapi(
  createRoute({
    method: 'get',
    path: '/leads',
    tags: ['Leads'],
    summary: 'Leads, newest first, optionally of one status and matching a search (q)',
    request: { query: leadListQuery },
    responses: { 200: jsonResponse(LeadListSchema, 'One page of leads'), ...commonErrors },
  }),
  async (c) => {
    const list = await listLeads(c.var.db().db, scopeFor(c), c.req.valid('query'))
    return c.json(list, 200)
  },
)

leadsApi.openapi(
  createRoute({
    method: 'get',
    path: '/leads/{id}',
    tags: ['Leads'],
    summary: 'One lead with its message and notes',
    request: { params: IdParam },
    responses: { 200: jsonResponse(LeadSchema, 'The lead'), ...commonErrors },
  }),
  async (c) => {
    const lead = await getLead(c.var.db().db, scopeFor(c), c.req.valid('param').id)
    if (!lead) return c.json(notFound, 404)
    // The conversion form's company list is the page's; the API lists companies at /companies.
    const { companyChoices: _choices, ...body } = lead
    return c.json(body, 200)
  },
)

leadsApi.openapi(
  createRoute({
    method: 'patch',
    path: '/leads/{id}',
    tags: ['Leads'],
    summary: "Change a lead's status (audited as lead.status_changed)",
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(leadStatusInput) },
    responses: {
      200: jsonResponse(
        z.object({ id: z.uuid(), status: LeadSummarySchema.shape.status, changed: z.boolean() }),
        'Done',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await setLeadStatus(
      c.var.db().db,
      scopeFor(c),
      id,
      c.req.valid('json').status,
      auditFor(c),
    )
    if (!result.ok) return c.json(notFound, 404)
    return c.json({ id, status: result.to, changed: result.changed }, 200)
  },
)

leadsApi.openapi(
  createRoute({
    method: 'post',
    path: '/leads/{id}/notes',
    tags: ['Leads'],
    summary: 'Add a note to a lead',
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(leadNoteInput) },
    responses: { 201: jsonResponse(LeadNoteSchema, 'The new note'), ...commonErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { body } = c.req.valid('json')
    const result = await addLeadNote(c.var.db().db, scopeFor(c), id, signedInUser(c), body, auditFor(c))
    if (!result.ok) return c.json(notFound, 404)
    return c.json(result.note, 201)
  },
)

leadsApi.openapi(
  createRoute({
    method: 'post',
    path: '/leads/{id}/conversion',
    tags: ['Leads'],
    summary: 'Make a lead a client: link it to a company, or create one (audited as lead.converted)',
    description:
      'Send `companyId` (an existing company) or `company` (`name`, `slug`, optional `website`: a new ' +
      'company, under the rules of POST /companies; a taken slug is a field error). Sets convertedAt. ' +
      'A lead converted before answers 409 already_converted and nothing changes.',
    middleware: [staffWriteLimit] as const,
    request: { params: IdParam, body: jsonBody(leadConversionInput) },
    responses: {
      201: jsonResponse(LeadConversionSchema, 'The lead is now a client of the company'),
      409: jsonResponse(ErrorSchema, 'already_converted: the lead is already a client'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const input = c.req.valid('json')
    const target = input.company ? { newCompany: input.company } : { companyId: input.companyId ?? '' }
    const result = await convertLead(c.var.db().db, scopeFor(c), id, target, auditFor(c))
    if (!result.ok) {
      if (result.reason === 'not_found') return c.json(notFound, 404)
      if (result.reason === 'invalid') {
        // Field names as sent: a new company's fields are under `company.`.
        const fields = Object.fromEntries(
          Object.entries(result.fields).map(([field, message]) => [
            field === 'companyId' ? field : `company.${field}`,
            message,
          ]),
        )
        return c.json(errorBody('invalid_input', 'Some fields need attention', fields), 422)
      }
      return c.json(errorBody('already_converted', 'This lead is already a client'), 409)
    }
    return c.json(
      { id, company: result.company, created: result.created, convertedAt: result.convertedAt.toISOString() },
      201,
    )
  },
)
