import type { Context } from 'hono'
import type { ProjectSummary } from '../../data/projects.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { Flash } from './flash.ts'
import { PROJECT_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'

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
      <DataTable
        empty="No projects yet. The studio adds them when work starts."
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
              <Badge {...PROJECT_STATUS[project.status]} />
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
                        due <DateTime value={project.nextMilestone.dueAt} dateOnly />
                      </span>
                    </>
                  )}
                </>
              ) : (
                <span class="muted">All milestones done</span>
              )}
            </td>
            <td>
              <DateTime value={project.dueAt} dateOnly />
            </td>
          </tr>
        ))}
      </DataTable>
    </DashboardLayout>
  )
}
