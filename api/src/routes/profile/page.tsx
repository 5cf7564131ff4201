import type { Context } from 'hono'
import type { SessionView } from '../../auth/account.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/password-policy.ts'
import type { SecondFactorView } from '../../auth/second-factor.ts'
import { roleRequiresSecondFactor } from '../../auth/second-factor-policy.ts'
import type { AppEnv } from '../../env.ts'
import type { Preferences } from '../../notifications/preferences.ts'
import type { Flash } from '../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../views/dashboard/layout.tsx'
import { DataTable } from '../../views/kit/data-table.tsx'
import { DateTime, formatDateTime } from '../../views/kit/date-time.tsx'
import { ErrorSummary } from '../../views/kit/error-summary.tsx'
import { TextField } from '../../views/kit/field.tsx'
import { NotificationPreferencesSection, PREFERENCE_FIELDS } from './preferences-section.tsx'
import { SecondFactorSection } from './second-factor-section.tsx'

// /dashboard/profile: the person's name and email, their password, their second factors, and where
// they are signed in.
// Each part is its own small form that posts and comes back here (303), so each works without JS.

/** Which form a set of errors belongs to (field names repeat between forms). */
export type ProfileForm = 'name' | 'email' | 'password' | 'notifications' | 'passkey'

/** Problems with one submitted form, and what was typed in it (passwords excepted). */
export interface ProfileErrors {
  form: ProfileForm
  fields: Record<string, string>
  values?: Record<string, string>
}

/** Each form's fields in order, and the ids kept where a field name repeats between forms. */
const FIELDS: Record<ProfileForm, { order: string[]; ids: Record<string, string> }> = {
  name: { order: ['name'], ids: {} },
  email: { order: ['email', 'currentPassword'], ids: { currentPassword: 'profile-email-password' } },
  password: {
    order: ['currentPassword', 'newPassword'],
    ids: { currentPassword: 'profile-current-password', newPassword: 'profile-new-password' },
  },
  notifications: PREFERENCE_FIELDS,
  // The passkey form shows its own summary (it sits inside a part of the page script reveals).
  passkey: { order: ['name'], ids: {} },
}

/** Props of {@link ProfilePage}. */
export interface ProfilePageProps {
  c: Context<AppEnv>
  sessions: SessionView[]
  /** The notification choices as stored (shown unless `errors` is for that form: then as typed). */
  preferences: Preferences
  secondFactor: SecondFactorView
  errors?: ProfileErrors
  flash?: Flash
}

export function ProfilePage({ c, sessions, preferences, secondFactor, errors, flash }: ProfilePageProps) {
  const user = c.var.auth?.user
  if (!user) throw new Error('profile: rendered without a signed-in user')
  const fieldsOf = (form: ProfileForm) => (errors?.form === form ? errors.fields : {})
  const typed = (form: ProfileForm, name: string, fallback: string) =>
    errors?.form === form ? (errors.values?.[name] ?? fallback) : fallback
  const others = sessions.filter((s) => !s.current).length
  return (
    <DashboardLayout c={c} title="Profile" active="profile" flash={flash}>
      {errors && errors.form !== 'passkey' && (
        <ErrorSummary
          form="profile"
          errors={errors.fields}
          order={FIELDS[errors.form].order}
          ids={FIELDS[errors.form].ids}
        />
      )}

      <section class="dash-section" aria-labelledby="profile-details">
        <h2 id="profile-details">Your details</h2>
        <form class="contact-form" method="post" action="/dashboard/profile/name">
          <TextField
            form="profile"
            name="name"
            label="Name"
            autocomplete="name"
            value={typed('name', 'name', user.name)}
            error={fieldsOf('name').name}
            maxlength={120}
          />
          <button class="button" type="submit">
            Save name
          </button>
        </form>
      </section>

      <section class="dash-section" aria-labelledby="profile-email-heading">
        <h2 id="profile-email-heading">Email address</h2>
        <p>
          You sign in with <strong>{user.email}</strong>. To change it, enter the new address and your current
          password; we will let the old address know.
        </p>
        <form class="contact-form" method="post" action="/dashboard/profile/email">
          <TextField
            form="profile"
            name="email"
            label="New email address"
            type="email"
            autocomplete="email"
            value={typed('email', 'email', '')}
            error={fieldsOf('email').email}
            maxlength={254}
          />
          <TextField
            form="profile"
            id="profile-email-password"
            name="currentPassword"
            label="Current password"
            type="password"
            autocomplete="current-password"
            error={fieldsOf('email').currentPassword}
          />
          <button class="button" type="submit">
            Change email
          </button>
        </form>
      </section>

      <section class="dash-section" aria-labelledby="profile-password-heading">
        <h2 id="profile-password-heading">Password</h2>
        <p>Changing your password signs you out on every other device.</p>
        <form class="contact-form" method="post" action="/dashboard/profile/password">
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autocomplete="username" value={user.email} />
          <TextField
            form="profile"
            id="profile-current-password"
            name="currentPassword"
            label="Current password"
            type="password"
            autocomplete="current-password"
            error={fieldsOf('password').currentPassword}
          />
          <TextField
            form="profile"
            id="profile-new-password"
            name="newPassword"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a strong one. Very common passwords are refused.`}
            error={fieldsOf('password').newPassword}
            minlength={PASSWORD_MIN_LENGTH}
            maxlength={PASSWORD_MAX_LENGTH}
          />
          <button class="button" type="submit">
            Change password
          </button>
        </form>
      </section>

      <SecondFactorSection
        factors={secondFactor}
        required={roleRequiresSecondFactor(c.env, user.role)}
        nonce={c.var.secureHeadersNonce}
        passkeyErrors={fieldsOf('passkey')}
        passkeyName={typed('passkey', 'name', '')}
      />

      <NotificationPreferencesSection
        preferences={preferences}
        errors={errors?.form === 'notifications' ? errors.fields : {}}
        values={errors?.form === 'notifications' ? errors.values : undefined}
      />

      <section class="dash-section" aria-labelledby="profile-sessions-heading">
        <h2 id="profile-sessions-heading">Where you are signed in</h2>
        <DataTable
          caption={
            <>
              {sessions.length === 1 ? 'One active session' : `${sessions.length} active sessions`}, most
              recently active first
            </>
          }
          head={
            <>
              <th scope="col">Device</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </>
          }
        >
          {sessions.map((session) => (
            <tr>
              <th scope="row">
                {session.device}
                {session.current && (
                  <>
                    {' '}
                    <span class="badge badge--active">This device</span>
                  </>
                )}
              </th>
              <td>{session.ip ?? <span class="muted">Unknown</span>}</td>
              <td>
                <DateTime value={session.createdAt} />
              </td>
              <td>{session.current ? 'Now' : <DateTime value={session.lastActiveAt} />}</td>
              <td>
                <form method="post" action="/dashboard/profile/sessions/sign-out">
                  <input type="hidden" name="session" value={session.handle} />
                  <button class="link-button" type="submit">
                    Sign out
                    <span class="visually-hidden">
                      {session.current
                        ? ' this device'
                        : ` ${session.device}, signed in ${formatDateTime(session.createdAt)}`}
                    </span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
        <form class="actions" method="post" action="/dashboard/profile/sessions/sign-out-everywhere">
          <button class="button button--quiet" type="submit">
            Sign out everywhere
          </button>
          <span class="muted">
            {others > 0
              ? `Ends all ${sessions.length} sessions, this one included.`
              : 'Ends this session; you will need to sign in again.'}
          </span>
        </form>
      </section>
    </DashboardLayout>
  )
}

/** The answer when a "sign out" names a session that is not (or no longer) one of the user's. */
export function SessionNotFoundPage({ c }: { c: Context<AppEnv> }) {
  return (
    <DashboardLayout c={c} title="Session not found" active="profile">
      <p>That session is not in your list. It may have ended already.</p>
      <p>
        <a href="/dashboard/profile">Back to your profile</a>
      </p>
    </DashboardLayout>
  )
}
