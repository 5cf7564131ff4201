import type { Context } from 'hono'
import type { LeadDetail } from '../../data/leads.ts'
import type { AppEnv } from '../../env.ts'
import { slugFrom } from '../../routes/team/leads/schema.ts'
import { DateTime } from '../kit/date-time.tsx'
import { ErrorSummary } from '../kit/error-summary.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { SelectField, TextAreaField, TextField } from '../kit/field.tsx'
import { Paragraphs } from '../kit/paragraphs.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'
import { LEAD_STATUS_OPTIONS, LeadStatusBadge } from './leads-page.tsx'

/** What a failed form on the lead page sends back: which form, its messages and what was typed. */
export type LeadFormState = FailedForm<'status' | 'note' | 'conversion'>

/**
 * "Make this lead a client": pick an existing company, or leave the choice empty to create one from
 * the name and slug (filled from the lead's company, as the company form would take them).
 */
function ConversionForm({ lead, failed }: { lead: LeadDetail; failed?: LeadFormState }) {
  const errors = failed?.form === 'conversion' ? failed.errors : {}
  const values =
    failed?.form === 'conversion'
      ? failed.values
      : { companyId: '', name: lead.company ?? '', slug: slugFrom(lead.company ?? '') }
  return (
    <>
      <ErrorSummary form="lead-conversion" errors={errors} order={['companyId', 'name', 'slug']} />
      <form class="contact-form" method="post" action={`/dashboard/leads/${lead.id}/conversion`}>
        <SelectField
          form="lead-conversion"
          name="companyId"
          label="Company"
          hint="An existing client company, or none to create a new one from the fields below."
          value={values.companyId}
          placeholder="A new company"
          options={lead.companyChoices.map((company) => ({ value: company.id, label: company.name }))}
          error={errors.companyId}
        />
        <fieldset>
          <legend>The new company (when none is chosen above)</legend>
          <TextField
            form="lead-conversion"
            name="name"
            label="Name"
            value={values.name}
            autocomplete="organization"
            required={false}
            maxlength={120}
            error={errors.name}
          />
          <TextField
            form="lead-conversion"
            name="slug"
            label="Slug"
            hint="Lower-case letters, digits and hyphens, like orbital-labs; it names the company's links and files."
            value={values.slug}
            autocomplete="off"
            required={false}
            maxlength={60}
            error={errors.slug}
          />
        </fieldset>
        <button class="button" type="submit">
          Make this lead a client
        </button>
      </form>
    </>
  )
}

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
          <dd>
            {lead.source === 'contact_form' ? 'Contact form' : lead.source}
            {lead.sourcePage && (
              <>
                {' on '}
                <code>{lead.sourcePage}</code>
              </>
            )}
          </dd>
          <dt>About</dt>
          <dd>{lead.service ?? 'Not given'}</dd>
          <dt>Status</dt>
          <dd>
            <LeadStatusBadge status={lead.status} />
          </dd>
        </dl>
      </section>
      <section class="dash-section" aria-labelledby="lead-client">
        <h2 id="lead-client">Client</h2>
        {lead.convertedAt ? (
          <dl class="meta">
            <dt>Company</dt>
            <dd>
              {lead.companyId ? (
                <a href={`/dashboard/companies/${lead.companyId}`}>{lead.companyName}</a>
              ) : (
                'A company since deleted'
              )}
            </dd>
            <dt>Became a client</dt>
            <dd>
              <DateTime value={lead.convertedAt} />
            </dd>
          </dl>
        ) : (
          <ConversionForm lead={lead} failed={failed} />
        )}
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
            options={LEAD_STATUS_OPTIONS}
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
