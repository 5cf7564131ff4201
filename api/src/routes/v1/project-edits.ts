import { createRoute, z } from '@hono/zod-openapi'
import { addMilestone, moveMilestone, setMilestoneDone } from '../../data/milestones.ts'
import { createProject, updateProject } from '../../data/project-edits.ts'
import { errorBody } from '../../lib/errors.ts'
import { auditFor, scopeFor } from '../dashboard/context.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import {
  milestoneInput,
  milestoneMove,
  milestoneState,
  PROJECT_STATUSES,
  projectEdit,
  projectInput,
  toFields,
} from '../team/projects/schema.ts'
import { commonErrors, createV1Router, jsonBody, jsonResponse } from './router.ts'

// The studio's project writes as JSON, for staff only (a client gets 404, before the body is read):
// the same data functions, audit entries and limits as the team's forms. Ids that are not uuids are
// 404, as on the pages.

const isoDate = z.iso.datetime({ offset: true })
const day = 'A day, like 2031-05-01 (stored as midnight UTC); null for none'

const ProjectRecordSchema = z
  .object({
    id: z.uuid(),
    companyId: z.uuid(),
    name: z.string(),
    status: z.enum(PROJECT_STATUSES),
    description: z.string(),
    startedAt: isoDate.nullable(),
    dueAt: isoDate.nullable(),
    createdAt: isoDate,
  })
  .openapi('ProjectRecord')

const MilestoneSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    dueAt: isoDate.nullable(),
    doneAt: isoDate.nullable(),
    position: z.number().int().openapi({ description: "0-based place in the project's plan" }),
  })
  .openapi('Milestone')

const pathId = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' })
const ProjectParam = z.object({ id: pathId('id') })
const MilestoneParam = z.object({ id: pathId('id'), milestoneId: pathId('milestoneId') })

const noProject = errorBody('not_found', 'No such project')
const noMilestone = errorBody('not_found', 'No such milestone in this project')

const invalid = (fields: Record<string, string>) =>
  errorBody('invalid_input', 'Some fields need attention', fields)

export const projectEditsApi = createV1Router()

projectEditsApi.openapi(
  createRoute({
    method: 'post',
    path: '/companies/{id}/projects',
    tags: ['Projects'],
    summary: 'Create a project for a company (staff; audited as project.created)',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: ProjectParam, body: jsonBody(projectInput, `Dates: ${day}`) },
    responses: {
      201: jsonResponse(ProjectRecordSchema.extend({ changed: z.array(z.string()) }), 'The new project'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const input = toFields(c.req.valid('json'))
    const result = await createProject(c.var.db().db, scopeFor(c), id, input, auditFor(c))
    if (!result.ok)
      return result.reason === 'invalid' ? c.json(invalid(result.fields), 422) : c.json(noProject, 404)
    return c.json({ ...result.project, changed: result.changed }, 201)
  },
)

projectEditsApi.openapi(
  createRoute({
    method: 'patch',
    path: '/projects/{id}',
    tags: ['Projects'],
    summary: "Change a project's name, status, dates or description (staff; audited as project.updated)",
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: ProjectParam, body: jsonBody(projectEdit, `Any of the fields. Dates: ${day}`) },
    responses: {
      200: jsonResponse(
        ProjectRecordSchema.extend({
          changed: z.array(z.string()).openapi({ description: 'The fields that changed' }),
        }),
        'The project',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const result = await updateProject(c.var.db().db, scopeFor(c), id, changes, auditFor(c))
    if (!result.ok)
      return result.reason === 'invalid' ? c.json(invalid(result.fields), 422) : c.json(noProject, 404)
    return c.json({ ...result.project, changed: result.changed }, 200)
  },
)

projectEditsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/milestones',
    tags: ['Projects'],
    summary: 'Add a milestone at the end of the plan (staff; audited as milestone.added)',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: ProjectParam, body: jsonBody(milestoneInput, `dueAt: ${day}`) },
    responses: { 201: jsonResponse(MilestoneSchema, 'The new milestone'), ...commonErrors },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const result = await addMilestone(c.var.db().db, scopeFor(c), id, c.req.valid('json'), auditFor(c))
    if (!result.ok) return c.json(noProject, 404)
    return c.json(result.milestone, 201)
  },
)

projectEditsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/milestones/{milestoneId}/move',
    tags: ['Projects'],
    summary: 'Move a milestone one place up or down (staff; audited as milestone.moved)',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: MilestoneParam, body: jsonBody(milestoneMove) },
    responses: {
      200: jsonResponse(
        z.object({
          id: z.uuid(),
          moved: z.boolean().openapi({ description: 'False when it was already first (up) or last (down)' }),
          position: z.number().int(),
          order: z.array(z.uuid()).openapi({ description: "The plan's milestone ids, in order" }),
        }),
        'Where it is now',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id, milestoneId } = c.req.valid('param')
    const { direction } = c.req.valid('json')
    const db = c.var.db().db
    const result = await moveMilestone(db, scopeFor(c), id, milestoneId, direction, auditFor(c))
    if (!result.ok) return c.json(noMilestone, 404)
    return c.json(
      { id: milestoneId, moved: result.moved, position: result.position, order: result.order },
      200,
    )
  },
)

projectEditsApi.openapi(
  createRoute({
    method: 'patch',
    path: '/projects/{id}/milestones/{milestoneId}',
    tags: ['Projects'],
    summary: 'Mark a milestone done or reopen it (staff; audited as milestone.done / milestone.reopened)',
    middleware: [staffOnly, staffWriteLimit] as const,
    request: { params: MilestoneParam, body: jsonBody(milestoneState) },
    responses: {
      200: jsonResponse(
        MilestoneSchema.extend({
          changed: z.boolean().openapi({ description: 'False when it already was in that state' }),
        }),
        'The milestone',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id, milestoneId } = c.req.valid('param')
    const { done } = c.req.valid('json')
    const db = c.var.db().db
    const result = await setMilestoneDone(db, scopeFor(c), id, milestoneId, done, auditFor(c))
    if (!result.ok) return c.json(noMilestone, 404)
    return c.json({ ...result.milestone, changed: result.changed }, 200)
  },
)
