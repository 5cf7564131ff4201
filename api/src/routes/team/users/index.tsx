import type { Context } from 'hono'
import {
  changeUserRole,
  getUser,
  listUsers,
  setUserDisabled,
  USER_CHANGE_MESSAGES,
  type UserChangeResult,
} from '../../../data/users.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith, readForm } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../../views/dashboard/flash.ts'
import { type UserFormState, UserPage } from '../../../views/dashboard/user-page.tsx'
import { UsersPage } from '../../../views/dashboard/users-page.tsx'
import { auditFor, scopeFor, sendNotFound, signedInUser } from '../../dashboard/context.ts'
import { adminPage, staffPage, staffWriteLimit } from '../limits.ts'
import { ROLE_LABELS, userListQuery, userRoleInput } from './schema.ts'

// `/dashboard/users`: every account, read-only for the team; an admin changes roles and disables or
// enables accounts (those posts answer 404 to anyone else, as if they did not exist).

/** The user page, or a 404; with a failed form, its messages beside it (status 422). */
export async function renderUser(c: Context<AppEnv>, id: string, failed?: UserFormState) {
  const user = await getUser(c.var.db().db, scopeFor(c), id)
  if (!user) return sendNotFound(c)
  return c.html(<UserPage c={c} user={user} failed={failed} flash={takeFlash(c)} />, failed ? 422 : 200)
}

/** Redirects after a change, or re-renders the page with the refusal next to the form's field. */
function answer(
  c: Context<AppEnv>,
  id: string,
  result: UserChangeResult,
  form: UserFormState['form'],
  values: Record<string, string>,
  done: (user: Extract<UserChangeResult, { ok: true }>['user']) => string,
) {
  if (!result.ok) {
    if (result.reason === 'not_found') return sendNotFound(c)
    const field = form === 'role' ? 'role' : 'form'
    return renderUser(c, id, { form, errors: { [field]: USER_CHANGE_MESSAGES[result.reason] }, values })
  }
  setFlash(c, { tone: result.changed ? 'success' : 'info', message: done(result.user) })
  return c.redirect(`/dashboard/users/${id}`, 303)
}

export const userPages = createRouter()
  .get('/dashboard/users', staffPage, async (c) => {
    const query = parseWith(userListQuery, c.req.query())
    const options = query.ok ? query.data : {}
    const list = await listUsers(c.var.db().db, scopeFor(c), options)
    return c.html(<UsersPage c={c} list={list} q={options.q} flash={takeFlash(c)} />)
  })
  .get('/dashboard/users/:id', staffPage, (c) => renderUser(c, c.req.param('id')))
  .post('/dashboard/users/:id/role', sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const form = await readForm(c)
    const input = parseWith(userRoleInput, form)
    if (!input.ok) return renderUser(c, id, { form: 'role', errors: input.fields, values: form })
    const result = await changeUserRole(c.var.db().db, scopeFor(c), id, input.data.role, auditFor(c))
    return answer(c, id, result, 'role', form, (user) => `${user.name} is now ${ROLE_LABELS[user.role]}.`)
  })
  .post('/dashboard/users/:id/disable', sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const result = await setUserDisabled(
      c.var.db().db,
      scopeFor(c),
      signedInUser(c).id,
      id,
      true,
      auditFor(c),
    )
    return answer(c, id, result, 'access', {}, (user) => `${user.name}'s account is disabled and signed out.`)
  })
  .post('/dashboard/users/:id/enable', sameOrigin(), adminPage, staffWriteLimit, async (c) => {
    const id = c.req.param('id')
    const result = await setUserDisabled(
      c.var.db().db,
      scopeFor(c),
      signedInUser(c).id,
      id,
      false,
      auditFor(c),
    )
    return answer(c, id, result, 'access', {}, (user) => `${user.name}'s account is enabled.`)
  })
