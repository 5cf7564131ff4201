import type { LeadStatus } from '@kairo/db'
import type { Context } from 'hono'
import { LEAD_STATUSES, type LeadSummary } from '../../data/leads.ts'
import type { ListPage } from '../../data/rows.ts'
import type { AppEnv } from '../../env.ts'
import { LEAD_STATUS_LABELS } from '../../routes/team/leads/schema.ts'
import { Badge, type BadgeProps } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import { Pager } from '../kit/pager.tsx'
import { hrefWith, SearchForm } from '../kit/search-form.tsx'
import { StatusFilter } from '../kit/status-filter.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

const TONES: Record<LeadStatus, BadgeProps['tone']> = {
  new: 'active',
  contacted: 'warn',
  qualified: 'good',
  closed: 'neutral',
}

/** The lead statuses as choices (the list's filter, the lead page's status form). */
export const LEAD_STATUS_OPTIONS = LEAD_STATUSES.map((value) => ({ value, label: LEAD_STATUS_LABELS[value] }))

/** A lead's status in a badge. */
export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={TONES[status]} text={LEAD_STATUS_LABELS[status]} />
}

/** What the list says when nothing matches its filter and search. */
function emptyMessage(status: LeadStatus | undefined, q: string | undefined): string {
  const which = status ? `${LEAD_STATUS_LABELS[status].toLowerCase()} leads` : 'leads'
  if (q) return `No ${which} match “${q}”.`
  return status ? `No ${which}.` : 'No leads yet.'
}

/**
 * `/dashboard/leads`: newest first, a search and a status filter that work as plain GET forms (each
 * keeping the other), a pager that keeps both, and the same selection as a CSV download.
 */
export function LeadsPage({
  c,
  list,
  status,
  q,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<LeadSummary>
  status?: LeadStatus
  q?: string
  flash?: Flash
}) {
  return (
    <DashboardLayout c={c} title="Leads" active="leads" flash={flash}>
      <SearchForm
        area="leads"
        q={q}
        label="Search leads"
        hint="In names, e-mail addresses, companies and messages."
        keep={{ status }}
      />
      <StatusFilter
        area="leads"
        status={status}
        placeholder="All statuses"
        options={LEAD_STATUS_OPTIONS}
        keep={{ q }}
      />
      <p>
        <a href={hrefWith('/dashboard/leads.csv', { status, q })} download>
          Download these leads as CSV
        </a>{' '}
        <span class="muted">(every page of this list, for a spreadsheet)</span>
      </p>
      <DataTable
        // Past the end of the list the pager says so; no empty message then.
        empty={list.total === null ? undefined : emptyMessage(status, q)}
        caption={
          <>
            {status ? `${LEAD_STATUS_LABELS[status]} leads` : 'All leads'}
            {q && ` matching “${q}”`}, newest first
            {list.total !== null && ` (${list.total})`}
          </>
        }
        head={
          <>
            <th scope="col">Name</th>
            <th scope="col">Company</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Received</th>
          </>
        }
      >
        {list.items.map((lead) => (
          <tr>
            <th scope="row">
              <a href={`/dashboard/leads/${lead.id}`}>{lead.name}</a>
            </th>
            <td>{lead.company ?? <NoValue />}</td>
            <td>{lead.email}</td>
            <td>
              <LeadStatusBadge status={lead.status} />
            </td>
            <td>
              <DateTime value={lead.createdAt} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager
        label="Leads pages"
        path="/dashboard/leads"
        query={{ status, q }}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}
