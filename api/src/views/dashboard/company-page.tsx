import type { Context } from 'hono'
import type { CompanyDetail } from '../../data/companies.ts'
import type { AppEnv } from '../../env.ts'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import type { Flash } from './flash.ts'
import { AUTOMATION_STATUS, PROJECT_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { UserRow } from './user-row.tsx'

/** `/dashboard/companies/<id>`: the company, its users, its projects and its automations. */
export function CompanyPage({
  c,
  company,
  flash,
}: {
  c: Context<AppEnv>
  company: CompanyDetail
  flash?: Flash
}) {
  return (
    <DashboardLayout
      c={c}
      title={`Company: ${company.name}`}
      heading={company.name}
      active="companies"
      flash={flash}
    >
      <p>
        <a href="/dashboard/companies">Back to companies</a>
      </p>
      <dl class="meta">
        <dt>Slug</dt>
        <dd>{company.slug}</dd>
        <dt>Website</dt>
        <dd>
          {company.website ? (
            <a href={company.website} rel="noopener noreferrer">
              {company.website}
            </a>
          ) : (
            <span class="muted">Not given</span>
          )}
        </dd>
        <dt>Created</dt>
        <dd>
          <DateTime value={company.createdAt} />
        </dd>
      </dl>
      <p>
        <a class="button button--quiet" href={`/dashboard/companies/${company.id}/edit`}>
          Edit company
        </a>
      </p>
      <section class="dash-section" aria-labelledby="company-users">
        <h2 id="company-users">Users</h2>
        <p>
          <a href={`/dashboard/invitations/new?companyId=${company.id}`}>Invite someone to {company.name}</a>
        </p>
        <DataTable
          empty="No users yet."
          caption={<>Users of {company.name}</>}
          head={
            <>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
            </>
          }
        >
          {company.users.map((user) => (
            <UserRow user={user} />
          ))}
        </DataTable>
      </section>
      <section class="dash-section" aria-labelledby="company-projects">
        <h2 id="company-projects">Projects</h2>
        <p>
          <a href={`/dashboard/companies/${company.id}/projects/new`}>New project for {company.name}</a>
        </p>
        <DataTable
          empty="No projects yet."
          caption={<>Projects of {company.name}, newest first</>}
          head={
            <>
              <th scope="col">Project</th>
              <th scope="col">Status</th>
              <th scope="col">Due</th>
            </>
          }
        >
          {company.projects.map((project) => (
            <tr>
              <th scope="row">
                <a href={`/dashboard/projects/${project.id}`}>{project.name}</a>
              </th>
              <td>{PROJECT_STATUS[project.status].text}</td>
              <td>{project.dueAt ? <DateTime value={project.dueAt} /> : <NoValue />}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section class="dash-section" aria-labelledby="company-automations">
        <h2 id="company-automations">Automations</h2>
        <p>
          <a href={`/dashboard/companies/${company.id}/automations/new`}>New automation for {company.name}</a>
        </p>
        <DataTable
          empty="No automations yet."
          caption={<>Automations of {company.name}, running ones first</>}
          head={
            <>
              <th scope="col">Automation</th>
              <th scope="col">State</th>
            </>
          }
        >
          {company.automations.map((automation) => (
            <tr>
              <th scope="row">
                <a href={`/dashboard/automations/${automation.id}`}>{automation.title}</a>
              </th>
              <td>
                <Badge {...AUTOMATION_STATUS[automation.status]} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </DashboardLayout>
  )
}
