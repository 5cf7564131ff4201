import type { Context } from 'hono'
import { getProject, listProjects } from '../../data/projects.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { takeFlash } from '../../views/dashboard/flash.ts'
import { ProjectPage } from '../../views/dashboard/project-page.tsx'
import { ProjectsPage } from '../../views/dashboard/projects-page.tsx'
import type { FailedForm } from '../../views/kit/failed-form.ts'
import { cachedRead, dashboardPage, scopeFor, sendNotFound } from './context.ts'
import { downloadDeliverable } from './files.tsx'

/**
 * The project page in one statement (404 when out of scope). Studio staff get the edit link and the
 * milestone controls; `failed` re-renders it with the add-milestone form's messages (422).
 */
export async function renderProject(c: Context<AppEnv>, id: string, failed?: FailedForm<'milestone'>) {
  const scope = scopeFor(c)
  const project = await getProject(c.var.db().db, scope, id)
  if (!project) return sendNotFound(c)
  const staff = seesAllCompanies(scope)
  return c.html(
    <ProjectPage
      c={c}
      project={project}
      showCompany={staff}
      manage={staff}
      failed={failed}
      flash={takeFlash(c)}
    />,
    failed ? 422 : 200,
  )
}

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
  .get('/dashboard/projects/:id', dashboardPage(), (c) => renderProject(c, c.req.param('id') ?? ''))
  .get('/dashboard/projects/:id/files/:deliverableId', dashboardPage(), downloadDeliverable)
