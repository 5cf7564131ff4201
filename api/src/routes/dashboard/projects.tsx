import { getProject, listProjects } from '../../data/projects.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import { createRouter } from '../../lib/create-app.ts'
import { takeFlash } from '../../views/dashboard/flash.ts'
import { ProjectPage } from '../../views/dashboard/project-page.tsx'
import { ProjectsPage } from '../../views/dashboard/projects-page.tsx'
import { cachedRead, dashboardPage, scopeFor, sendNotFound } from './context.ts'
import { downloadDeliverable } from './files.tsx'

/**
 * `GET /dashboard/projects`, `GET /dashboard/projects/<id>` and the deliverable downloads
 * `GET /dashboard/projects/<id>/files/<deliverableId>`. A project outside the user's scope (or an id
 * that is not a uuid) is the same 404 as one that does not exist.
 */
export const projectRoutes = createRouter()
  .get('/dashboard/projects', dashboardPage(), async (c) => {
    const scope = scopeFor(c)
    const projects = await cachedRead(c, 'projects', (scope) => listProjects(c.var.db().db, scope))
    return c.html(
      <ProjectsPage c={c} projects={projects} showCompany={seesAllCompanies(scope)} flash={takeFlash(c)} />,
    )
  })
  .get('/dashboard/projects/:id', dashboardPage(), async (c) => {
    const scope = scopeFor(c)
    const project = await getProject(c.var.db().db, scope, c.req.param('id') ?? '')
    if (!project) return sendNotFound(c)
    return c.html(
      <ProjectPage c={c} project={project} showCompany={seesAllCompanies(scope)} flash={takeFlash(c)} />,
    )
  })
  .get('/dashboard/projects/:id/files/:deliverableId', dashboardPage(), downloadDeliverable)
