import type { Context } from 'hono'
import { convertLead } from '../../../data/lead-conversion.ts'
import { exportLeads, type LeadExportRow } from '../../../data/lead-export.ts'
import { addLeadNote, getLead, listLeads, setLeadStatus } from '../../../data/leads.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { csvStream } from '../../../lib/csv.ts'
import { openStreamingDb } from '../../../lib/db.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { type LeadFormState, LeadPage } from '../../../views/dashboard/lead-page.tsx'
import { LeadsPage } from '../../../views/dashboard/leads-page.tsx'
import { auditFor, scopeFor, sendNotFound, signedInUser } from '../../dashboard/context.ts'
import { staffPage, staffWriteLimit } from '../limits.ts'
import {
  LEAD_STATUS_LABELS,
  leadFilterQuery,
  leadListQuery,
  leadNoteInput,
  leadStatusInput,
  parseLeadConversionForm,
} from './schema.ts'

// `/dashboard/leads`: the contact form's leads for studio staff, searchable and exported as CSV.
// Forms post and redirect (303) with a one-time message; an invalid form re-renders the lead page
// with its messages (422).

/** The export's columns, in order; the dates are ISO 8601 in UTC. */
const CSV_HEADER = [
  'id',
  'received_at',
  'name',
  'email',
  'company',
  'status',
  'source_page',
  'service',
  'client_company',
  'converted_at',
  'message',
] as const

const csvRowOf = (lead: LeadExportRow) => [
  lead.id,
  lead.createdAt,
  lead.name,
  lead.email,
  lead.company,
  lead.status,
  lead.sourcePage,
  lead.service,
  lead.clientCompany,
  lead.convertedAt,
  lead.message,
]

async function renderLead(c: Context<AppEnv>, id: string, failed?: LeadFormState) {
  const lead = await getLead(c.var.db().db, scopeFor(c), id)
  if (!lead) return sendNotFound(c)
  return c.html(<LeadPage c={c} lead={lead} failed={failed} flash={takeFlash(c)} />, failed ? 422 : 200)
}

export const leadPages = createRouter()
  .get('/dashboard/leads', staffPage, async (c) => {
    // A hand-edited query (an unknown status, page "x") shows the unfiltered first page.
    const query = parseWith(leadListQuery, c.req.query())
    const options = query.ok ? query.data : {}
    const list = await listLeads(c.var.db().db, scopeFor(c), options)
    return c.html(<LeadsPage c={c} list={list} status={options.status} q={options.q} flash={takeFlash(c)} />)
  })
  // Every lead of the list's filter and search as a spreadsheet, streamed in batches (see
  // `exportLeads`). Counted against the write limit and audited: it hands out personal data.
  .get('/dashboard/leads.csv', staffPage, staffWriteLimit, async (c) => {
    const query = parseWith(leadFilterQuery, c.req.query())
    const filter = query.ok ? query.data : {}
    await auditFor(c)(
      {
        action: 'lead.exported',
        targetType: 'lead',
        details: { status: filter.status ?? null, q: filter.q ?? null },
      },
      c.var.db().db,
    )
    // The request's client is closed when the handler returns, before the body has streamed, so
    // the batches read through a client of their own, closed when the body ends.
    const client = openStreamingDb(c)
    const body = csvStream(CSV_HEADER, exportLeads(client.db, scopeFor(c), filter), csvRowOf, () =>
      client.close(),
    )
    const day = new Date().toISOString().slice(0, 10)
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="kairo-leads-${day}.csv"`,
      'X-Content-Type-Options': 'nosniff',
    })
  })
  .get('/dashboard/leads/:id', staffPage, (c) => renderLead(c, c.req.param('id')))
  .post('/dashboard/leads/:id/status', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(leadStatusInput, form)
    if (!input.ok) return renderLead(c, id, { form: 'status', errors: input.fields, values: form })
    const result = await setLeadStatus(c.var.db().db, scopeFor(c), id, input.data.status, auditFor(c))
    if (!result.ok) return sendNotFound(c)
    setFlash(c, {
      tone: result.changed ? 'success' : 'info',
      message: result.changed
        ? `Status changed to ${LEAD_STATUS_LABELS[result.to]}.`
        : `The status was already ${LEAD_STATUS_LABELS[result.to]}.`,
    })
    return c.redirect(`/dashboard/leads/${id}`, 303)
  })
  .post('/dashboard/leads/:id/notes', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(leadNoteInput, form)
    if (!input.ok) return renderLead(c, id, { form: 'note', errors: input.fields, values: form })
    const result = await addLeadNote(
      c.var.db().db,
      scopeFor(c),
      id,
      signedInUser(c),
      input.data.body,
      auditFor(c),
    )
    if (!result.ok) return sendNotFound(c)
    setFlash(c, { tone: 'success', message: 'Note added.' })
    return c.redirect(`/dashboard/leads/${id}#lead-notes`, 303)
  })
  .post('/dashboard/leads/:id/conversion', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseLeadConversionForm(form)
    if (!input.ok) return renderLead(c, id, { form: 'conversion', errors: input.fields, values: form })
    const result = await convertLead(c.var.db().db, scopeFor(c), id, input.data, auditFor(c))
    if (!result.ok) {
      if (result.reason === 'not_found') return sendNotFound(c)
      if (result.reason === 'invalid') {
        return renderLead(c, id, { form: 'conversion', errors: result.fields, values: form })
      }
      // Someone else converted it meanwhile: the page now shows which company.
      setFlash(c, { tone: 'info', message: 'This lead was already a client; nothing changed.' })
      return c.redirect(`/dashboard/leads/${id}`, 303)
    }
    setFlash(c, {
      tone: 'success',
      message: result.created
        ? `${result.company.name} was created and this lead is now its client.`
        : `This lead is now a client: ${result.company.name}.`,
    })
    return c.redirect(`/dashboard/leads/${id}`, 303)
  })
