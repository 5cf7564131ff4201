import type { ProjectStatus } from '@kairo/db'
import type { Context } from 'hono'
import type { CompanyDetail, CompanySummary } from '../../../data/companies.ts'
import type { AppEnv } from '../../../env.ts'
import type { Flash } from '../../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../../views/dashboard/layout.tsx'
import { DataTable } from '../../../views/dashboard/parts.tsx'
import { DateTime, ErrorSummary, TextField } from '../components.tsx'
import { UserRow } from '../users/pages.tsx'
import { COMPANY_FIELDS } from './schema.ts'

const PROJECT_STATUS: Record<ProjectStatus, string> = {
  planning: 'Planning',
  in_progress: 'In progress',
  review: 'In review',
  done: 'Done',
}

/** `/dashboard/companies`: every client company with its user, project and automation counts. */
export function CompaniesPage({
  c,
  companies,
  flash,
}: {
  c: Context<AppEnv>
  companies: CompanySummary[]
  flash?: Flash
}) {
  return (
    <DashboardLayout c={c} title="Companies" active="companies" flash={flash}>
      <p>
        <a class="button" href="/dashboard/companies/new">
          New company
        </a>
      </p>
      {companies.length === 0 ? (
        <p class="empty">No client companies yet.</p>
      ) : (
        <DataTable
          caption={<>Client companies by name ({companies.length})</>}
          head={
            <>
              <th scope="col">Name</th>
              <th scope="col">Slug</th>
              <th scope="col" class="num">
                Users
              </th>
              <th scope="col" class="num">
                Projects
              </th>
              <th scope="col" class="num">
                Automations
              </th>
              <th scope="col">Created</th>
            </>
          }
        >
          {companies.map((company) => (
            <tr>
              <th scope="row">
                <a href={`/dashboard/companies/${company.id}`}>{company.name}</a>
              </th>
              <td>{company.slug}</td>
              <td class="num">{company.userCount}</td>
              <td class="num">{company.projectCount}</td>
              <td class="num">{company.automationCount}</td>
              <td>
                <DateTime value={company.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </DashboardLayout>
  )
}

/** `/dashboard/companies/new`: the form, re-rendered with messages and the input kept on failure. */
export function NewCompanyPage({
  c,
  values = {},
  errors = {},
}: {
  c: Context<AppEnv>
  values?: Record<string, string>
  errors?: Record<string, string>
}) {
  return (
    <DashboardLayout c={c} title="New company" active="companies">
      <p>
        <a href="/dashboard/companies">Back to companies</a>
      </p>
      <ErrorSummary form="company" errors={errors} order={COMPANY_FIELDS} />
      <form class="contact-form" method="post" action="/dashboard/companies">
        <TextField
          form="company"
          name="name"
          label="Name"
          value={values.name}
          autocomplete="organization"
          maxlength={120}
          error={errors.name}
        />
        <TextField
          form="company"
          name="slug"
          label="Slug"
          hint="A short name for links and files: lower-case letters, digits and hyphens, like orbital-labs."
          value={values.slug}
          autocomplete="off"
          maxlength={60}
          error={errors.slug}
        />
        <button class="button" type="submit">
          Create company
        </button>
      </form>
    </DashboardLayout>
  )
}

/** `/dashboard/companies/<id>`: the company, its users and its projects. */
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
        <dt>Created</dt>
        <dd>
          <DateTime value={company.createdAt} />
        </dd>
      </dl>
      <section class="dash-section" aria-labelledby="company-users">
        <h2 id="company-users">Users</h2>
        <p>
          <a href={`/dashboard/invitations/new?companyId=${company.id}`}>Invite someone to {company.name}</a>
        </p>
        {company.users.length === 0 ? (
          <p class="empty">No users yet.</p>
        ) : (
          <DataTable
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
        )}
      </section>
      <section class="dash-section" aria-labelledby="company-projects">
        <h2 id="company-projects">Projects</h2>
        {company.projects.length === 0 ? (
          <p class="empty">No projects yet.</p>
        ) : (
          <DataTable
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
                <td>{PROJECT_STATUS[project.status]}</td>
                <td>{project.dueAt ? <DateTime value={project.dueAt} /> : <span class="muted">—</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </DashboardLayout>
  )
}
