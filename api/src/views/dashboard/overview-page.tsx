import type { Context } from 'hono'
import type { ActivityItem, Overview } from '../../data/overview.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import { ActivityEventText } from './activity-list.tsx'
import type { Flash } from './flash.ts'
import { AUTOMATION_STATUS, formatDuration, PROJECT_STATUS, RUN_OUTCOME } from './format.ts'
import { DashboardLayout } from './layout.tsx'

/** Props of {@link OverviewPage}. */
export interface OverviewPageProps {
  c: Context<AppEnv>
  overview: Overview
  /** Team and admin see every company, so rows name theirs. */
  showCompany: boolean
  flash?: Flash
}

/** `/dashboard`: projects with their next milestone, automations with their state, recent activity. */
export function OverviewPage({ c, overview, showCompany, flash }: OverviewPageProps) {
  const { projects, automations, activity } = overview
  return (
    <DashboardLayout c={c} title="Overview" active="overview" flash={flash}>
      <section class="dash-section" aria-labelledby="projects-heading">
        <h2 id="projects-heading">Projects</h2>
        <DataTable
          empty="No projects yet."
          caption={<>Projects, unfinished first</>}
          hiddenCaption
          head={
            <>
              <th scope="col">Project</th>
              {showCompany && <th scope="col">Company</th>}
              <th scope="col">Status</th>
              <th scope="col">Next milestone</th>
              <th scope="col">Milestone due</th>
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
              <td>
                {project.nextMilestone ? (
                  project.nextMilestone.title
                ) : (
                  <span class="muted">All milestones done</span>
                )}
              </td>
              <td>
                {project.nextMilestone?.dueAt ? (
                  <DateTime value={project.nextMilestone.dueAt} dateOnly />
                ) : (
                  <NoValue />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <p>
          <a href="/dashboard/projects">All projects</a>
        </p>
      </section>

      <section class="dash-section" aria-labelledby="automations-heading">
        <h2 id="automations-heading">Automations</h2>
        <DataTable
          empty="No automations yet."
          caption={<>Automations, running ones first</>}
          hiddenCaption
          head={
            <>
              <th scope="col">Automation</th>
              {showCompany && <th scope="col">Company</th>}
              <th scope="col">State</th>
              <th scope="col">Last run</th>
            </>
          }
        >
          {automations.map((automation) => (
            <tr>
              <th scope="row">
                <a href={`/dashboard/automations/${automation.id}`}>{automation.title}</a>
              </th>
              {showCompany && <td>{automation.companyName}</td>}
              <td>
                <Badge {...AUTOMATION_STATUS[automation.status]} />
              </td>
              <td>
                {automation.lastRun ? (
                  <>
                    <Badge {...RUN_OUTCOME[automation.lastRun.outcome]} />{' '}
                    <DateTime value={automation.lastRun.startedAt} />
                  </>
                ) : (
                  <span class="muted">Never run</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <p>
          <a href="/dashboard/automations">All automations</a>
        </p>
      </section>

      <section class="dash-section" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        {activity.length === 0 ? (
          <p class="empty">Nothing has happened yet.</p>
        ) : (
          <ol class="activity">
            {activity.map((item) => (
              <li>
                <DateTime value={item.at} /> <ActivityText item={item} />
                {showCompany && <span class="muted"> · {item.companyName}</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </DashboardLayout>
  )
}

/** One activity entry in words, linking to what it is about. */
function ActivityText({ item }: { item: ActivityItem }) {
  switch (item.kind) {
    case 'run': {
      const link = <a href={`/dashboard/automations/${item.automationId}`}>{item.automationTitle}</a>
      if (item.outcome === 'running') return <>{link} started a run</>
      const took = item.durationMs === null ? '' : ` in ${formatDuration(item.durationMs)}`
      return (
        <>
          {link} ran: {RUN_OUTCOME[item.outcome].text.toLowerCase()}
          {took}
        </>
      )
    }
    case 'state':
      return (
        <>
          {item.actorName ?? 'Someone'} {item.action === 'automation.paused' ? 'paused' : 'resumed'}{' '}
          <a href={`/dashboard/automations/${item.automationId}`}>{item.automationTitle}</a>
        </>
      )
    case 'milestone':
      return (
        <>
          Milestone done: {item.title} (
          <a href={`/dashboard/projects/${item.projectId}`}>{item.projectName}</a>)
        </>
      )
    case 'deliverable':
      return (
        <>
          {item.version > 1 ? `Version ${item.version} delivered` : 'File delivered'}: {item.title} (
          <a href={`/dashboard/projects/${item.projectId}`}>{item.projectName}</a>)
        </>
      )
    case 'event':
      return <ActivityEventText entry={item.event} showProject />
  }
}
