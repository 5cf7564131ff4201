import type { Context } from 'hono'
import type { CompanySummary } from '../../data/companies.ts'
import type { AppEnv } from '../../env.ts'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

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
      <DataTable
        empty="No client companies yet."
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
    </DashboardLayout>
  )
}
