import { resetSecondFactor, SECOND_FACTOR_RESET_MESSAGES } from '../../../auth/second-factor-reset.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash } from '../../../views/dashboard/flash.ts'
import { RESET_CONFIRM_FIELD } from '../../../views/dashboard/user-second-factor.tsx'
import { auditFor, scopeFor, sendNotFound, signedInUser } from '../../dashboard/context.ts'
import { adminPage, staffWriteLimit } from '../limits.ts'
import { renderUser } from './index.tsx'

// `POST /dashboard/users/<id>/second-factor/reset`: an admin removes the second factors of someone
// who lost them (auth/second-factor-reset.ts). Anyone else gets 404, as for the other admin forms.

export const secondFactorResetPages = createRouter().post(
  '/dashboard/users/:id/second-factor/reset',
  sameOrigin(),
  adminPage,
  staffWriteLimit,
  async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    if (form[RESET_CONFIRM_FIELD] !== 'yes') {
      const errors = { [RESET_CONFIRM_FIELD]: 'Tick the box once you have checked who is asking' }
      return renderUser(c, id, { form: 'second-factor', errors, values: {} })
    }
    const db = c.var.db().db
    const result = await resetSecondFactor(db, scopeFor(c), signedInUser(c).id, id, auditFor(c))
    if (!result.ok) {
      if (result.reason === 'not_found') return sendNotFound(c)
      const errors = { form: SECOND_FACTOR_RESET_MESSAGES[result.reason] }
      return renderUser(c, id, { form: 'second-factor', errors, values: {} })
    }
    setFlash(c, {
      tone: 'success',
      message: `${result.name}'s second factor is reset and they are signed out; they set up a new one at their next sign-in.`,
    })
    return c.redirect(`/dashboard/users/${id}`, 303)
  },
)
