import type { Context } from 'hono'
import type { ProjectSummary } from '../../data/projects.ts'
import type { AppEnv } from '../../env.ts'
import type { Flash } from './flash.ts'
import { PROJECT_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { Badge, DataTable, DateText } from './parts.tsx'

/** Props of {@link ProjectsPage}. */
export interface ProjectsPageProps {
  c: Context<AppEnv>
  projects: ProjectSummary[]
  showCompany: boolean
  flash?: Flash
}

/** `/dashboard/projects`: every project in scope with status, progress and the next milestone. */
export function ProjectsPage({ c, projects, showCompany, flash }: ProjectsPageProps) {
  return (
    <DashboardLayout c={c} title="Projects" active="projects" flash={flash}>
      {projects.length === 0 ? (
        <p class="empty">No projects yet. The studio adds them when work starts.</p>
      ) : (
        <DataTable
          caption={`${projects.length} ${projects.length === 1 ? 'project' : 'projects'}, unfinished first`}
          head={
            <>
              <th scope="col">Project</th>
              {showCompany && <th scope="col">Company</th>}
              <th scope="col">Status</th>
              <th scope="col">Milestones done</th>
              <th scope="col">Next milestone</th>
              <th scope="col">Project due</th>
            </>
          }
        >
          {projects.map((project) => (
            <tr>
              <th scope="row">
                <a href={`/dashboard/projects/${project.id}`}>{project.name}</a>
              </th>
              {showCompany && <td>{project.companyName}</td>}
              <td>
                <Badge label={PROJECT_STATUS[project.status]} />
              </td>
              <td class="num">{`${project.milestonesDone} of ${project.milestonesTotal}`}</td>
              <td>
                {project.nextMilestone ? (
                  <>
                    {project.nextMilestone.title}
                    {project.nextMilestone.dueAt && (
                      <>
                        <br />
                        <span class="muted">
                          due <DateText date={project.nextMilestone.dueAt} />
                        </span>
                      </>
                    )}
                  </>
                ) : (
                  <span class="muted">All milestones done</span>
                )}
              </td>
              <td>
                <DateText date={project.dueAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </DashboardLayout>
  )
}
