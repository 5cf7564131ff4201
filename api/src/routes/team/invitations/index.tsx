import { companyChoices } from '../../../data/companies.ts'
import { createInvitation, listInvitations, revokeInvitation } from '../../../data/invitations.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { log } from '../../../lib/logger.ts'
import { publicOrigin } from '../../../lib/negotiate.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { InvitationsPage } from '../../../views/dashboard/invitations-page.tsx'
import { NewInvitationPage } from '../../../views/dashboard/new-invitation-page.tsx'
import { auditFor, scopeFor, sendNotFound, signedInUser } from '../../dashboard/context.ts'
import { invitationLimit, staffPage, staffWriteLimit } from '../limits.ts'
import { INVITATION_STATUS_LABELS, invitationInput, invitationListQuery } from './schema.ts'

// `/dashboard/invitations`: staff invite an email address (team members invite clients; admins any
// role), and revoke by the same rule; the e-mail goes out through the outbox with a one-time link to
// `/invite/<token>`.

export const invitationPages = createRouter()
  .get('/dashboard/invitations', staffPage, async (c) => {
    const query = parseWith(invitationListQuery, c.req.query())
    const options = query.ok ? query.data : {}
    const list = await listInvitations(c.var.db().db, scopeFor(c), options)
    return c.html(<InvitationsPage c={c} list={list} status={options.status} flash={takeFlash(c)} />)
  })
  .get('/dashboard/invitations/new', staffPage, async (c) => {
    const companies = await companyChoices(c.var.db().db, scopeFor(c))
    // `?companyId=` preselects a company (the link on a company's page).
    const values = { companyId: c.req.query('companyId') ?? '' }
    return c.html(<NewInvitationPage c={c} companies={companies} values={values} />)
  })
  .post('/dashboard/invitations', sameOrigin(), staffPage, invitationLimit, async (c) => {
    const form = await readForm(c)
    const input = parseWith(invitationInput, form)
    const { db } = c.var.db()
    const user = signedInUser(c)
    const origin = publicOrigin(c)
    const result = input.ok
      ? await createInvitation(db, scopeFor(c), user, input.data, { origin }, auditFor(c))
      : { ok: false as const, fields: input.fields }
    if (!result.ok) {
      const companies = await companyChoices(db, scopeFor(c))
      return c.html(
        <NewInvitationPage c={c} companies={companies} values={form} errors={result.fields} />,
        422,
      )
    }
    log(c, 'info', 'invitation created', { invitationId: result.invitation.id, role: result.invitation.role })
    setFlash(c, { tone: 'success', message: `Invitation sent to ${result.invitation.email}.` })
    return c.redirect('/dashboard/invitations', 303)
  })
  .post('/dashboard/invitations/:id/revoke', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const user = signedInUser(c)
    const result = await revokeInvitation(c.var.db().db, scopeFor(c), user, c.req.param('id'), auditFor(c))
    if (!result.ok && result.reason === 'not_found') return sendNotFound(c)
    setFlash(
      c,
      result.ok
        ? {
            tone: 'success',
            message: `The invitation for ${result.invitation.email} is revoked; its link no longer works.`,
          }
        : result.reason === 'forbidden'
          ? { tone: 'error', message: 'Only an admin can revoke an invitation for a team member or admin.' }
          : {
              tone: 'error',
              message: `That invitation is ${INVITATION_STATUS_LABELS[result.status ?? 'revoked'].toLowerCase()} and cannot be revoked.`,
            },
    )
    return c.redirect('/dashboard/invitations', 303)
  })
