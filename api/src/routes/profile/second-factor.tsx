import type { Context } from 'hono'
import { verifyCurrentPassword } from '../../auth/credentials.ts'
import { parseRegistrationResponse } from '../../auth/passkey-response.ts'
import {
  findPasskey,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
} from '../../auth/passkeys.ts'
import {
  beginTotpSetup,
  confirmTotpSetup,
  LAST_FACTOR_MESSAGE,
  regenerateRecoveryCodes,
  removeTotp,
} from '../../auth/second-factor.ts'
import { normaliseTotpCode } from '../../auth/totp.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { readFormFields } from '../../lib/form.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { setFlash } from '../../views/dashboard/flash.ts'
import { PASSKEY_NAME_MAX } from '../../views/second-factor/passkey.tsx'
import { formBodyLimit } from '../auth/login.tsx'
import { sendNotFound, signedInUser } from '../dashboard/context.ts'
import { currentPasswordLimit, profileWriteLimit } from './limits.ts'
import { type ProfileErrors, ProfilePage } from './page.tsx'
import { readProfile } from './profile-read.ts'
import { ConfirmPasswordPage, RecoveryCodesPage, TotpSetupPage } from './second-factor-pages.tsx'

// The profile's second factors (all on the signed-in user only):
// - `GET|POST /dashboard/profile/totp`: set up the authenticator app (QR code and key), confirm it
//   with a code, see the recovery codes once;
// - `GET|POST …/totp/remove`, `GET|POST …/recovery-codes/new`, `GET|POST …/passkeys/<id>/remove`:
//   each asks for the password again first;
// - `POST …/passkeys/options` (JSON, for the page's script) and `POST …/passkeys` (the browser's
//   answer, with a name): add a passkey.
// Every post checks the origin, the profile's per-user write limit, and the password ones the
// tighter current-password limit; every change is audited where it is made (auth/second-factor.ts,
// auth/passkeys.ts). A role that must keep a second factor cannot remove its last one.

const PROFILE = '/dashboard/profile#second-factor'
const WRONG_PASSWORD = 'Your password is not right'

/** Codes typed while setting up the app, per user: enough for typos, too few to guess one. */
const totpSetupLimit = () =>
  rateLimit({
    prefix: 'profile:totp',
    limit: 10,
    windowSeconds: 900,
    key: (c) => c.var.auth?.user.id ?? null,
  })

/** Passkey ceremonies started, per user. */
const passkeyOptionsLimit = () =>
  rateLimit({
    prefix: 'profile:passkey-options',
    limit: 30,
    windowSeconds: 600,
    key: (c) => c.var.auth?.user.id ?? null,
  })

/** The profile page again with the add-a-passkey form's problems (422). */
async function passkeyFormErrors(c: Context<AppEnv>, errors: ProfileErrors) {
  c.header('Cache-Control', 'no-store')
  const view = await readProfile(c)
  return c.html(<ProfilePage c={c} {...view} errors={errors} />, 422)
}

export function secondFactorProfileRoutes() {
  const writes = [sameOrigin(), requireUser(), formBodyLimit(), profileWriteLimit()] as const
  const passwordWrites = [...writes, currentPasswordLimit()] as const

  /** The password, checked; a page asking again (422) when it is wrong. */
  async function passwordProblem(
    c: Context<AppEnv>,
    page: (errors: Record<string, string>) => ReturnType<typeof ConfirmPasswordPage>,
  ) {
    const form = await readFormFields(c, ['currentPassword'])
    const missing = form.currentPassword === '' ? 'Enter your password' : null
    const right =
      !missing && (await verifyCurrentPassword(c.var.db().db, signedInUser(c).id, form.currentPassword))
    if (right) return null
    c.header('Cache-Control', 'no-store')
    return c.html(page({ currentPassword: missing ?? WRONG_PASSWORD }), 422)
  }

  const totpRemovePage =
    (c: Context<AppEnv>) =>
    (errors: Record<string, string> = {}) => (
      <ConfirmPasswordPage
        c={c}
        title="Turn off the authenticator app"
        intro="Signing in will no longer ask for a code from the app, and your recovery codes stop working. Enter your password to confirm."
        action="/dashboard/profile/totp/remove"
        button="Turn off the app"
        errors={errors}
      />
    )
  const newCodesPage =
    (c: Context<AppEnv>) =>
    (errors: Record<string, string> = {}) => (
      <ConfirmPasswordPage
        c={c}
        title="Make new recovery codes"
        intro="You will get ten new codes, and every code you have now stops working. Enter your password to confirm."
        action="/dashboard/profile/recovery-codes/new"
        button="Make new codes"
        errors={errors}
      />
    )
  const passkeyRemovePage =
    (c: Context<AppEnv>, passkey: { id: string; name: string }) =>
    (errors: Record<string, string> = {}) => (
      <ConfirmPasswordPage
        c={c}
        title={`Remove the passkey “${passkey.name}”`}
        intro="You will no longer be able to sign in with it. Enter your password to confirm."
        action={`/dashboard/profile/passkeys/${encodeURIComponent(passkey.id)}/remove`}
        button="Remove the passkey"
        errors={errors}
      />
    )

  async function totpSetupPage(c: Context<AppEnv>, errors?: Record<string, string>, status = 200) {
    const setup = await beginTotpSetup(c, c.var.db().db, signedInUser(c).id)
    if (setup.status === 'enabled') {
      setFlash(c, { tone: 'info', message: 'The authenticator app is already on.' })
      return c.redirect(PROFILE, 303)
    }
    c.header('Cache-Control', 'no-store')
    return c.html(<TotpSetupPage c={c} secret={setup.secret} errors={errors} />, status as 200)
  }

  return createRouter()
    .get('/dashboard/profile/totp', requireUser(), (c) => totpSetupPage(c))
    .post('/dashboard/profile/totp', ...writes, totpSetupLimit(), async (c) => {
      const { code } = await readFormFields(c, ['code'])
      if (!normaliseTotpCode(code)) {
        return totpSetupPage(c, { code: 'Enter the 6 digits your authenticator app shows' }, 422)
      }
      const confirmed = await confirmTotpSetup(c, c.var.db().db, signedInUser(c), code)
      if (!confirmed.ok && confirmed.reason === 'wrong_code') {
        const message = 'That code is not right. Check the key in the app and enter the code it shows now.'
        return totpSetupPage(c, { code: message }, 422)
      }
      if (!confirmed.ok) return totpSetupPage(c)
      c.header('Cache-Control', 'no-store')
      return c.html(
        <RecoveryCodesPage
          c={c}
          codes={confirmed.recoveryCodes}
          intro="The authenticator app is on: signing in now asks for a code from it after your password."
        />,
      )
    })
    .get('/dashboard/profile/totp/remove', requireUser(), (c) => {
      c.header('Cache-Control', 'no-store')
      return c.html(totpRemovePage(c)())
    })
    .post('/dashboard/profile/totp/remove', ...passwordWrites, async (c) => {
      const problem = await passwordProblem(c, totpRemovePage(c))
      if (problem) return problem
      const removed = await removeTotp(c, c.var.db().db, signedInUser(c))
      if (removed === 'last_factor') {
        c.header('Cache-Control', 'no-store')
        return c.html(totpRemovePage(c)({ form: LAST_FACTOR_MESSAGE }), 409)
      }
      setFlash(c, {
        tone: 'success',
        message:
          removed === 'removed'
            ? 'The authenticator app is off, and its recovery codes no longer work.'
            : 'The authenticator app was already off.',
      })
      return c.redirect(PROFILE, 303)
    })
    .get('/dashboard/profile/recovery-codes/new', requireUser(), (c) => {
      c.header('Cache-Control', 'no-store')
      return c.html(newCodesPage(c)())
    })
    .post('/dashboard/profile/recovery-codes/new', ...passwordWrites, async (c) => {
      const problem = await passwordProblem(c, newCodesPage(c))
      if (problem) return problem
      const codes = await regenerateRecoveryCodes(c, c.var.db().db, signedInUser(c))
      if (!codes) {
        setFlash(c, {
          tone: 'error',
          message: 'Recovery codes come with the authenticator app: set it up first.',
        })
        return c.redirect(PROFILE, 303)
      }
      c.header('Cache-Control', 'no-store')
      return c.html(
        <RecoveryCodesPage
          c={c}
          codes={codes}
          intro="New recovery codes are ready; the old ones no longer work."
        />,
      )
    })
    .post('/dashboard/profile/passkeys/options', requireUser(), passkeyOptionsLimit(), async (c) => {
      // JSON only: a cross-site page can send JSON only after a CORS preflight, which never passes.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        return c.json(errorBody('unsupported_media_type', 'Send the request as application/json'), 415)
      }
      c.header('Cache-Control', 'no-store')
      return c.json(await passkeyRegistrationOptions(c, c.var.db().db, signedInUser(c)))
    })
    .post('/dashboard/profile/passkeys', ...writes, async (c) => {
      const form = await readFormFields(c, ['name', 'response'])
      const name = form.name.trim()
      const values = { name: form.name }
      if (name === '' || name.length > PASSKEY_NAME_MAX) {
        const message =
          name === ''
            ? 'Enter a name for the passkey'
            : `Enter a name of at most ${PASSKEY_NAME_MAX} characters`
        return passkeyFormErrors(c, { form: 'passkey', fields: { name: message }, values })
      }
      const response = parseRegistrationResponse(form.response)
      if (!response) {
        const message =
          'The browser sent no passkey. Adding one needs JavaScript and a browser with passkeys.'
        return passkeyFormErrors(c, { form: 'passkey', fields: { form: message }, values })
      }
      const added = await registerPasskey(c, c.var.db().db, signedInUser(c), name, response)
      if (!added.ok) {
        const message =
          added.reason === 'duplicate'
            ? 'That passkey is already on your account.'
            : 'The passkey could not be verified (or the attempt took too long). Try again.'
        return passkeyFormErrors(c, { form: 'passkey', fields: { form: message }, values })
      }
      setFlash(c, {
        tone: 'success',
        message: `The passkey “${name}” is added. You can sign in with it now.`,
      })
      return c.redirect(PROFILE, 303)
    })
    .get('/dashboard/profile/passkeys/:id/remove', requireUser(), async (c) => {
      const passkey = await findPasskey(c.var.db().db, signedInUser(c).id, c.req.param('id'))
      if (!passkey) return sendNotFound(c)
      c.header('Cache-Control', 'no-store')
      return c.html(passkeyRemovePage(c, passkey)())
    })
    .post('/dashboard/profile/passkeys/:id/remove', ...passwordWrites, async (c) => {
      const passkey = await findPasskey(c.var.db().db, signedInUser(c).id, c.req.param('id'))
      if (!passkey) return sendNotFound(c)
      const problem = await passwordProblem(c, passkeyRemovePage(c, passkey))
      if (problem) return problem
      const removed = await removePasskey(c, c.var.db().db, signedInUser(c), passkey.id)
      if (!removed.ok) {
        c.header('Cache-Control', 'no-store')
        return c.html(
          passkeyRemovePage(c, passkey)({ form: removed.message }),
          removed.reason === 'not_found' ? 404 : 409,
        )
      }
      setFlash(c, { tone: 'success', message: `The passkey “${removed.name}” is removed.` })
      return c.redirect(PROFILE, 303)
    })
}
