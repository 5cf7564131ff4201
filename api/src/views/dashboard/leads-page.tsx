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

/** `/dashboard/leads`: newest first, a status filter that works as a plain GET form, and a pager. */
export function LeadsPage({
  c,
  list,
  status,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<LeadSummary>
  status?: LeadStatus
  flash?: Flash
}) {
  return (
    <DashboardLayout c={c} title="Leads" active="leads" flash={flash}>
      <StatusFilter area="leads" status={status} placeholder="All statuses" options={LEAD_STATUS_OPTIONS} />
      <DataTable
        // Past the end of the list the pager says so; no empty message then.
        empty={
          list.total === null
            ? undefined
            : status
              ? `No ${LEAD_STATUS_LABELS[status].toLowerCase()} leads.`
              : 'No leads yet.'
        }
        caption={
          <>
            {status ? `${LEAD_STATUS_LABELS[status]} leads` : 'All leads'}, newest first
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
        query={{ status }}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}
