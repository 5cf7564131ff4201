import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import { changeEmail, changePassword, endAllSessions, endSession, renameUser } from '../../auth/account.ts'
import { clearSessionCookie } from '../../auth/cookie.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readFormFields } from '../../lib/form.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { NOTIFICATION_KINDS } from '../../notifications/kinds.ts'
import { savePreferences } from '../../notifications/preferences.ts'
import { preferencesForm } from '../../notifications/schema.ts'
import { setFlash, takeFlash } from '../../views/dashboard/flash.ts'
import { formBodyLimit } from '../auth/login.tsx'
import { signedInUser } from '../dashboard/context.ts'
import { currentPasswordLimit, profileWriteLimit } from './limits.ts'
import { type ProfileErrors, ProfilePage, SessionNotFoundPage } from './page.tsx'
import { readProfile } from './profile-read.ts'
import { emailChangeSchema, nameSchema, passwordChangeSchema, sessionHandleField } from './schema.ts'
import { secondFactorProfileRoutes } from './second-factor.tsx'

const PAGE = '/dashboard/profile'

// The limits moved to limits.ts (the second-factor routes use them too); `/api/v1/me` imports them here.
export { currentPasswordLimit, profileWriteLimit }

async function renderWithErrors(c: Context<AppEnv>, errors: ProfileErrors) {
  c.header('Cache-Control', 'no-store')
  const view = await readProfile(c)
  return c.html(<ProfilePage c={c} {...view} errors={errors} />, 422)
}

/**
 * `/dashboard/profile` (signed-in users only): `GET` the page (one query besides the session: the
 * session list); `POST …/name`, `…/email` (current password required), `…/password` (current password
 * required; ends every other session), `…/notifications` (the notification e-mail choices, one radio
 * group per kind; audited), `…/sessions/sign-out` (one session, by handle) and
 * `…/sessions/sign-out-everywhere` (all, this one included, then `/login`); the second factors'
 * pages and posts are in second-factor.tsx. Each post checks the
 * origin (CSRF) and a per-user rate limit, answers 303 back to the page with a message, or the page
 * again with per-field messages (422).
 */
export function createProfileRoutes() {
  const writes = [sameOrigin(), requireUser(), formBodyLimit(), profileWriteLimit()] as const
  return createRouter()
    .route('/', secondFactorProfileRoutes())
    .get(PAGE, requireUser(), async (c) => {
      c.header('Cache-Control', 'no-store')
      const view = await readProfile(c)
      return c.html(<ProfilePage c={c} {...view} flash={takeFlash(c)} />)
    })
    .post(`${PAGE}/name`, ...writes, async (c) => {
      const form = await readFormFields(c, ['name'])
      const parsed = parseWith(nameSchema, form)
      if (!parsed.ok) return renderWithErrors(c, { form: 'name', fields: parsed.fields, values: form })
      await renameUser(c, parsed.data.name)
      setFlash(c, { tone: 'success', message: 'Your name has been saved.' })
      return c.redirect(PAGE, 303)
    })
    .post(`${PAGE}/email`, ...writes, currentPasswordLimit(), async (c) => {
      const form = await readFormFields(c, ['email', 'currentPassword'])
      const values = { email: form.email }
      const parsed = parseWith(emailChangeSchema, form)
      if (!parsed.ok) return renderWithErrors(c, { form: 'email', fields: parsed.fields, values })
      const result = await changeEmail(c, parsed.data)
      if (!result.ok)
        return renderWithErrors(c, { form: 'email', fields: { [result.field]: result.message }, values })
      setFlash(c, { tone: 'success', message: `You now sign in with ${parsed.data.email}.` })
      return c.redirect(PAGE, 303)
    })
    .post(`${PAGE}/password`, ...writes, currentPasswordLimit(), async (c) => {
      const form = await readFormFields(c, ['currentPassword', 'newPassword'])
      const parsed = parseWith(passwordChangeSchema, form)
      if (!parsed.ok) return renderWithErrors(c, { form: 'password', fields: parsed.fields })
      const result = await changePassword(c, parsed.data)
      if (!result.ok)
        return renderWithErrors(c, { form: 'password', fields: { [result.field]: result.message } })
      const others =
        result.endedSessions === 0
          ? ''
          : ` ${result.endedSessions === 1 ? 'One other session was' : `${result.endedSessions} other sessions were`} signed out.`
      setFlash(c, { tone: 'success', message: `Your password has been changed.${others}` })
      return c.redirect(PAGE, 303)
    })
    .post(`${PAGE}/notifications`, ...writes, async (c) => {
      const form = await readFormFields(c, NOTIFICATION_KINDS)
      const parsed = parseWith(preferencesForm, form)
      if (!parsed.ok)
        return renderWithErrors(c, { form: 'notifications', fields: parsed.fields, values: form })
      const { changed } = await savePreferences(c.var.db().db, signedInUser(c).id, parsed.data, (event, tx) =>
        recordAudit(c, event, tx),
      )
      setFlash(c, {
        tone: 'success',
        message:
          changed.length === 0
            ? 'Nothing changed in your notification settings.'
            : 'Your notification settings have been saved.',
      })
      return c.redirect(`${PAGE}#notifications`, 303)
    })
    .post(`${PAGE}/sessions/sign-out`, ...writes, async (c) => {
      const form = await readFormFields(c, ['session'])
      const handle = sessionHandleField.safeParse(form.session)
      const ended = handle.success ? await endSession(c, handle.data) : 'not_found'
      if (ended === 'not_found') return c.html(<SessionNotFoundPage c={c} />, 404)
      if (ended === 'current') {
        clearSessionCookie(c)
        setFlash(c, { tone: 'success', message: 'You have signed out.' })
        return c.redirect('/login', 303)
      }
      setFlash(c, { tone: 'success', message: 'That session has been signed out.' })
      return c.redirect(PAGE, 303)
    })
    .post(`${PAGE}/sessions/sign-out-everywhere`, ...writes, async (c) => {
      const ended = await endAllSessions(c)
      clearSessionCookie(c)
      setFlash(c, {
        tone: 'success',
        message: ended === 1 ? 'You have signed out.' : `You have signed out of all ${ended} sessions.`,
      })
      return c.redirect('/login', 303)
    })
}

export const profile = createProfileRoutes()
