import type { Context } from 'hono'
import { addLeadNote, getLead, listLeads, setLeadStatus } from '../../../data/leads.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { type LeadFormState, LeadPage } from '../../../views/dashboard/lead-page.tsx'
import { LeadsPage } from '../../../views/dashboard/leads-page.tsx'
import { auditFor, scopeFor, sendNotFound, signedInUser } from '../../dashboard/context.ts'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { LEAD_STATUS_LABELS, leadListQuery, leadNoteInput, leadStatusInput } from './schema.ts'

// `/dashboard/leads`: the contact form's leads for studio staff. Forms post and redirect (303) with
// a one-time message; an invalid form re-renders the lead page with its messages (422).

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
    return c.html(<LeadsPage c={c} list={list} status={options.status} flash={takeFlash(c)} />)
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
