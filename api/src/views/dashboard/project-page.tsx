import type { Context } from 'hono'
import type { ProjectDetail } from '../../data/projects.ts'
import type { AppEnv } from '../../env.ts'
import { deliverableMaxBytes } from '../../upload/limits.ts'
import { typeLabel } from '../../upload/sniff.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { ActivityList } from './activity-list.tsx'
import { deliverablePageHref } from './deliverable-page.tsx'
import type { Flash } from './flash.ts'
import { formatBytes, PROJECT_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { AddMilestoneForm, MilestoneActions } from './milestone-controls.tsx'
import { reviewHref, WAITS_FOR, WaitingSummary } from './review-panel.tsx'
import { NewDeliverableForm } from './upload-form.tsx'

/** Props of {@link ProjectPage}. */
export interface ProjectPageProps {
  c: Context<AppEnv>
  project: ProjectDetail
  showCompany: boolean
  /** Studio staff: the edit link and the milestone controls. Clients see the plan read-only. */
  manage?: boolean
  /** The add-milestone form that failed validation (422), with its messages and input. */
  failed?: FailedForm<'milestone'>
  /** The add-deliverable form that was refused (413/422), with its messages and title. */
  uploadFailed?: FailedForm<'deliverable'>
  flash?: Flash
}

/** The download route of a deliverable (the Worker streams it from R2 after checking scope). */
export function deliverableHref(projectId: string, deliverableId: string): string {
  return `/dashboard/projects/${projectId}/files/${deliverableId}`
}

/** `/dashboard/projects/<id>`: the project's facts, milestones (done or open) and delivered files. */
export function ProjectPage({
  c,
  project,
  showCompany,
  manage = false,
  failed,
  uploadFailed,
  flash,
}: ProjectPageProps) {
  return (
    <DashboardLayout c={c} title={project.name} active="projects" flash={flash}>
      <p>
        <a href="/dashboard/projects">All projects</a>
      </p>
      <WaitingSummary
        states={project.deliverables.map((d) => d.reviewState)}
        viewer={manage ? 'studio' : 'client'}
      />
      <dl class="meta">
        {showCompany && (
          <>
            <dt>Company</dt>
            <dd>
              {manage ? (
                <a href={`/dashboard/companies/${project.companyId}`}>{project.companyName}</a>
              ) : (
                project.companyName
              )}
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <Badge {...PROJECT_STATUS[project.status]} />
        </dd>
        <dt>Started</dt>
        <dd>
          <DateTime value={project.startedAt} dateOnly empty="Not started" />
        </dd>
        <dt>Due</dt>
        <dd>
          <DateTime value={project.dueAt} dateOnly />
        </dd>
      </dl>
      {project.description && <p class="lede">{project.description}</p>}
      {manage && (
        <p>
          <a class="button button--quiet" href={`/dashboard/projects/${project.id}/edit`}>
            Edit project
          </a>
        </p>
      )}

      <section class="dash-section" aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">Milestones</h2>
        <DataTable
          empty="No milestones planned yet."
          caption={`${project.milestonesDone} of ${project.milestonesTotal} done`}
          head={
            <>
              <th scope="col">Milestone</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
              {manage && <th scope="col">Change</th>}
            </>
          }
        >
          {project.milestones.map((milestone, index) => (
            <tr>
              <th scope="row">{milestone.title}</th>
              <td>
                {milestone.doneAt ? <Badge text="Done" tone="good" /> : <Badge text="Open" tone="active" />}
              </td>
              <td>
                <DateTime value={milestone.dueAt} dateOnly />
              </td>
              <td>
                <DateTime value={milestone.doneAt} dateOnly empty="Not yet" />
              </td>
              {manage && (
                <td>
                  <MilestoneActions
                    projectId={project.id}
                    milestone={milestone}
                    first={index === 0}
                    last={index === project.milestones.length - 1}
                  />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
        {manage && <AddMilestoneForm projectId={project.id} failed={failed} />}
      </section>

      <section class="dash-section" aria-labelledby="deliverables-heading">
        <h2 id="deliverables-heading">Deliverables</h2>
        <DataTable
          empty="No files delivered yet."
          caption={
            <>
              Files delivered for this project, newest first; each title opens its versions, each Download
              gets the current version
            </>
          }
          head={
            <>
              <th scope="col">Deliverable</th>
              <th scope="col">Version</th>
              <th scope="col">Type</th>
              <th scope="col" class="num">
                Size
              </th>
              <th scope="col">Delivered</th>
              <th scope="col">Review</th>
              <th scope="col">File</th>
            </>
          }
        >
          {project.deliverables.map((file) => (
            <tr>
              <th scope="row">
                <a href={deliverablePageHref(project.id, file.id)}>{file.title}</a>
              </th>
              <td>Version {file.version}</td>
              <td>{typeLabel(file.contentType)}</td>
              <td class="num">{formatBytes(file.bytes)}</td>
              <td>
                <DateTime value={file.deliveredAt} dateOnly />
              </td>
              <td>
                <a href={reviewHref(project.id, file.id)}>
                  <Badge {...WAITS_FOR[file.reviewState]} />
                  <span class="visually-hidden">: review {file.title}</span>
                </a>
              </td>
              <td>
                <a href={deliverableHref(project.id, file.id)} download>
                  Download<span class="visually-hidden"> {file.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
        {manage && (
          <NewDeliverableForm
            projectId={project.id}
            maxBytes={deliverableMaxBytes(c.env)}
            failed={uploadFailed}
          />
        )}
      </section>

      <section class="dash-section" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ActivityList entries={project.activity} empty="Nothing has happened in this project yet." />
      </section>
    </DashboardLayout>
  )
}
