import { createRoute, z } from '@hono/zod-openapi'
import { projectStatus } from '@kairo/db'
import { getProject, listProjects, type ProjectDetail, type ProjectSummary } from '../../data/projects.ts'
import { errorBody } from '../../lib/errors.ts'
import { deliverableHref } from '../../views/dashboard/project-page.tsx'
import { cachedRead, scopeFor } from '../dashboard/context.ts'
import { commonErrors, createV1Router } from './router.ts'

// `/api/v1/projects`: the projects pages as JSON, through the same scoped data functions. A project
// of another company is 404; an id that is not a uuid is 422 (`fields.id`), before any query.

const isoDate = z.iso.datetime({ offset: true })

const ProjectSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(projectStatus.enumValues),
    companyName: z.string(),
    dueAt: isoDate.nullable(),
    milestonesDone: z.number().int(),
    milestonesTotal: z.number().int(),
    nextMilestone: z
      .object({ title: z.string(), dueAt: isoDate.nullable() })
      .nullable()
      .openapi({ description: 'The first open milestone, or null when all are done' }),
  })
  .openapi('ProjectSummary')

const ProjectSchema = ProjectSummarySchema.extend({
  description: z.string(),
  startedAt: isoDate.nullable(),
  milestones: z
    .array(
      z.object({ id: z.uuid(), title: z.string(), dueAt: isoDate.nullable(), doneAt: isoDate.nullable() }),
    )
    .openapi({ description: 'In plan order; doneAt null means still open' }),
  deliverables: z
    .array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        version: z.number().int().openapi({ description: 'The current version: 1 for the first upload' }),
        contentType: z.string(),
        bytes: z.number().int(),
        deliveredAt: isoDate.openapi({ description: 'When the current version was uploaded' }),
        downloadUrl: z.string().openapi({ description: 'Same-origin path; needs the session cookie' }),
      }),
    )
    .openapi({ description: 'Newest first' }),
}).openapi('Project')

/** The path parameter of every `/{id}` route: a uuid, else 422 with `fields.id`. */
export const IdParam = z.object({
  id: z.uuid({ message: 'Must be a UUID' }).openapi({ param: { name: 'id', in: 'path' }, format: 'uuid' }),
})

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const iso = (date: Date | null) => (date ? date.toISOString() : null)

function summaryJson(project: ProjectSummary) {
  return {
    id: project.id,
    name: project.name,
    status: project.status,
    companyName: project.companyName,
    dueAt: iso(project.dueAt),
    milestonesDone: project.milestonesDone,
    milestonesTotal: project.milestonesTotal,
    nextMilestone: project.nextMilestone
      ? { title: project.nextMilestone.title, dueAt: iso(project.nextMilestone.dueAt) }
      : null,
  }
}

function projectJson(project: ProjectDetail) {
  return {
    ...summaryJson(project),
    description: project.description,
    startedAt: iso(project.startedAt),
    milestones: project.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueAt: iso(m.dueAt),
      doneAt: iso(m.doneAt),
    })),
    deliverables: project.deliverables.map((d) => ({
      id: d.id,
      title: d.title,
      version: d.version,
      contentType: d.contentType,
      bytes: d.bytes,
      deliveredAt: d.deliveredAt.toISOString(),
      downloadUrl: deliverableHref(project.id, d.id),
    })),
  }
}

export const projectsApi = createV1Router()

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects',
    tags: ['Projects'],
    summary: 'The projects you can see, unfinished first',
    responses: {
      200: json(z.object({ projects: z.array(ProjectSummarySchema) }), 'The projects'),
      401: commonErrors[401],
    },
  }),
  async (c) => {
    const projects = await cachedRead(c, 'projects', (scope) => listProjects(c.var.db().db, scope))
    return c.json({ projects: projects.map(summaryJson) }, 200)
  },
)

projectsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}',
    tags: ['Projects'],
    summary: 'One project with its milestones and deliverables',
    request: { params: IdParam },
    responses: { 200: json(ProjectSchema, 'The project'), ...commonErrors },
  }),
  async (c) => {
    const project = await getProject(c.var.db().db, scopeFor(c), c.req.valid('param').id)
    if (!project) return c.json(errorBody('not_found', 'No such project'), 404)
    return c.json(projectJson(project), 200)
  },
)
