import { createRoute, z } from '@hono/zod-openapi'
import { createCompany, getCompany, listCompanies, updateCompany } from '../../data/companies.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor } from '../dashboard/context.ts'
import { companyEdit, companyInput } from '../team/companies/schema.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import { commonErrors, createV1Router, jsonBody, jsonResponse } from './router.ts'

// `/api/v1/companies`: client companies as JSON, for studio staff (a client gets 404).

const CompanySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    website: z.url().nullable().openapi({ description: 'An https address, or null when not given' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('Company')

const CompanySummarySchema = CompanySchema.omit({ website: true })
  .extend({
    userCount: z.number().int(),
    projectCount: z.number().int(),
    automationCount: z.number().int(),
  })
  .openapi('CompanySummary')

const CompanyDetailSchema = CompanySchema.extend({
  users: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      role: z.enum(['admin', 'team', 'client']),
      disabled: z.boolean(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(['planning', 'in_progress', 'review', 'done']),
      dueAt: z.iso.datetime().nullable(),
    }),
  ),
  automations: z.array(
    z.object({ id: z.uuid(), title: z.string(), status: z.enum(['draft', 'active', 'paused']) }),
  ),
}).openapi('CompanyDetail')

export const companiesApi = createV1Router()

companiesApi.use('/companies', staffOnly)
companiesApi.use('/companies/*', staffOnly)

companiesApi.openapi(
  createRoute({
    method: 'get',
    path: '/companies',
    tags: ['Companies'],
    summary: 'Client companies by name, with user, project and automation counts',
    responses: {
      200: jsonResponse(z.object({ items: z.array(CompanySummarySchema) }), 'Every company'),
      ...commonErrors,
    },
  }),
  async (c) => c.json({ items: await listCompanies(c.var.db().db, scopeFor(c)) }, 200),
)

companiesApi.openapi(
  createRoute({
    method: 'get',
    path: '/companies/{id}',
    tags: ['Companies'],
    summary: 'One company with its users and projects',
    request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
    responses: { 200: jsonResponse(CompanyDetailSchema, 'The company'), ...commonErrors },
  }),
  async (c) => {
    const company = await getCompany(c.var.db().db, scopeFor(c), c.req.valid('param').id)
    if (!company) return c.json(errorBody('not_found', 'No such company'), 404)
    return c.json(company, 200)
  },
)

companiesApi.openapi(
  createRoute({
    method: 'post',
    path: '/companies',
    tags: ['Companies'],
    summary: 'Create a company (a taken slug is a field error; website optional, https only)',
    middleware: [staffWriteLimit] as const,
    request: { body: jsonBody(companyInput) },
    responses: { 201: jsonResponse(CompanySchema, 'The new company'), ...commonErrors },
  }),
  async (c) => {
    const result = await createCompany(c.var.db().db, scopeFor(c), c.req.valid('json'), auditFor(c))
    if (!result.ok)
      return c.json(errorBody('invalid_input', 'Some fields need attention', result.fields), 422)
    return c.json(result.company, 201)
  },
)

companiesApi.openapi(
  createRoute({
    method: 'patch',
    path: '/companies/{id}',
    tags: ['Companies'],
    summary: "Change a company's name or website (null removes it); audited as company.updated",
    middleware: [staffWriteLimit] as const,
    request: {
      params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
      body: jsonBody(companyEdit),
    },
    responses: {
      200: jsonResponse(
        CompanySchema.extend({ changed: z.array(z.enum(['name', 'website'])) }),
        'The company',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await updateCompany(c.var.db().db, scopeFor(c), id, c.req.valid('json'), auditFor(c))
    if (!result.ok) return c.json(errorBody('not_found', 'No such company'), 404)
    return c.json({ ...result.company, changed: result.changed as Array<'name' | 'website'> }, 200)
  },
)
