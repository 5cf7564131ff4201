import type { LeadStatus } from '@kairo/db'
import type { Context } from 'hono'
import { LEAD_STATUSES, type LeadDetail, type LeadSummary } from '../../../data/leads.ts'
import type { ListPage } from '../../../data/rows.ts'
import type { AppEnv } from '../../../env.ts'
import type { Flash } from '../../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../../views/dashboard/layout.tsx'
import { DataTable } from '../../../views/dashboard/parts.tsx'
import {
  Badge,
  DateTime,
  ErrorSummary,
  type FailedForm,
  Pager,
  Paragraphs,
  SelectField,
  StatusFilter,
  TextAreaField,
} from '../components.tsx'
import { LEAD_STATUS_LABELS } from './schema.ts'

const TONES: Record<LeadStatus, 'active' | 'warn' | 'good' | 'plain'> = {
  new: 'active',
  contacted: 'warn',
  qualified: 'good',
  closed: 'plain',
}

const STATUS_OPTIONS = LEAD_STATUSES.map((value) => ({ value, label: LEAD_STATUS_LABELS[value] }))

function StatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={TONES[status]}>{LEAD_STATUS_LABELS[status]}</Badge>
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
      <StatusFilter area="leads" status={status} placeholder="All statuses" options={STATUS_OPTIONS} />
      {list.items.length === 0 && list.total !== null ? (
        <p class="empty">
          {status ? `No ${LEAD_STATUS_LABELS[status].toLowerCase()} leads.` : 'No leads yet.'}
        </p>
      ) : (
        list.items.length > 0 && (
          <DataTable
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
                <td>{lead.company ?? <span class="muted">—</span>}</td>
                <td>{lead.email}</td>
                <td>
                  <StatusBadge status={lead.status} />
                </td>
                <td>
                  <DateTime value={lead.createdAt} />
                </td>
              </tr>
            ))}
          </DataTable>
        )
      )}
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

/** What a failed form on the lead page sends back: which form, its messages and what was typed. */
export type LeadFormState = FailedForm<'status' | 'note'>

/** `/dashboard/leads/<id>`: the message, contact details, the status form and the notes. */
export function LeadPage({
  c,
  lead,
  flash,
  failed,
}: {
  c: Context<AppEnv>
  lead: LeadDetail
  flash?: Flash
  failed?: LeadFormState
}) {
  const statusErrors = failed?.form === 'status' ? failed.errors : {}
  const noteErrors = failed?.form === 'note' ? failed.errors : {}
  return (
    <DashboardLayout c={c} title={`Lead: ${lead.name}`} heading={lead.name} active="leads" flash={flash}>
      <p>
        <a href="/dashboard/leads">Back to leads</a>
      </p>
      <section class="dash-section" aria-labelledby="lead-contact">
        <h2 id="lead-contact">Contact</h2>
        <dl class="meta">
          <dt>Email</dt>
          <dd>
            <a href={`mailto:${lead.email}`}>{lead.email}</a>
          </dd>
          <dt>Company</dt>
          <dd>{lead.company ?? 'Not given'}</dd>
          <dt>Received</dt>
          <dd>
            <DateTime value={lead.createdAt} />
          </dd>
          <dt>Source</dt>
          <dd>{lead.source === 'contact_form' ? 'Contact form' : lead.source}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={lead.status} />
          </dd>
        </dl>
      </section>
      <section class="dash-section" aria-labelledby="lead-message">
        <h2 id="lead-message">Message</h2>
        <Paragraphs text={lead.message} />
      </section>
      <section class="dash-section" aria-labelledby="lead-status">
        <h2 id="lead-status">Status</h2>
        <ErrorSummary form="lead-status" errors={statusErrors} order={['status']} />
        <form class="contact-form" method="post" action={`/dashboard/leads/${lead.id}/status`}>
          <SelectField
            form="lead-status"
            name="status"
            label="Status"
            value={failed?.form === 'status' ? failed.values.status : lead.status}
            options={STATUS_OPTIONS}
            error={statusErrors.status}
            required
          />
          <button class="button" type="submit">
            Change status
          </button>
        </form>
      </section>
      <section class="dash-section" aria-labelledby="lead-notes">
        <h2 id="lead-notes">Notes</h2>
        <ErrorSummary form="lead-note" errors={noteErrors} order={['body']} />
        <form class="contact-form" method="post" action={`/dashboard/leads/${lead.id}/notes`}>
          <TextAreaField
            form="lead-note"
            name="body"
            label="New note"
            hint="A call made, a proposal sent: what the next person should know."
            value={failed?.form === 'note' ? failed.values.body : ''}
            maxlength={5000}
            error={noteErrors.body}
          />
          <button class="button" type="submit">
            Add note
          </button>
        </form>
        {lead.notes.length === 0 ? (
          <p class="empty">No notes yet.</p>
        ) : (
          <ol class="activity" aria-label="Notes, newest first">
            {lead.notes.map((note) => (
              <li>
                <DateTime value={note.createdAt} />
                <strong>{note.authorName ?? 'A former team member'}</strong>
                <Paragraphs text={note.body} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </DashboardLayout>
  )
}
