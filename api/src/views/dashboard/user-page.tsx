import type { Context } from 'hono'
import { USER_ROLES, type UserDetail } from '../../data/users.ts'
import type { AppEnv } from '../../env.ts'
import { ROLE_LABELS } from '../../routes/team/users/schema.ts'
import { DateTime } from '../kit/date-time.tsx'
import { ErrorSummary } from '../kit/error-summary.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { SelectField } from '../kit/field.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'
import { AccountBadge } from './user-row.tsx'
import { UserSecondFactor } from './user-second-factor.tsx'

const ROLE_OPTIONS = USER_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))

/** What a failed admin form sends back. */
export type UserFormState = FailedForm<'role' | 'access' | 'second-factor'>

/** `/dashboard/users/<id>`: the account; admins also get the role and access forms. */
export function UserPage({
  c,
  user,
  flash,
  failed,
}: {
  c: Context<AppEnv>
  user: UserDetail
  flash?: Flash
  failed?: UserFormState
}) {
  const admin = c.var.auth?.user.role === 'admin'
  const self = c.var.auth?.user.id === user.id
  const roleErrors = failed?.form === 'role' ? failed.errors : {}
  const accessErrors = failed?.form === 'access' ? failed.errors : {}
  return (
    <DashboardLayout c={c} title={`User: ${user.name}`} heading={user.name} active="users" flash={flash}>
      <p>
        <a href="/dashboard/users">Back to users</a>
      </p>
      <dl class="meta">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>Company</dt>
        <dd>
          {user.companyId ? (
            <a href={`/dashboard/companies/${user.companyId}`}>{user.companyName}</a>
          ) : (
            'Studio'
          )}
        </dd>
        <dt>Joined</dt>
        <dd>
          <DateTime value={user.createdAt} />
        </dd>
        <dt>Account</dt>
        <dd>
          <AccountBadge disabled={user.disabledAt !== null} />
        </dd>
        <dt>Signed-in sessions</dt>
        <dd>{user.activeSessions}</dd>
      </dl>
      {admin && (
        <>
          <section class="dash-section" aria-labelledby="user-role">
            <h2 id="user-role">Role</h2>
            <ErrorSummary form="user-role" errors={roleErrors} order={['role']} />
            <form class="contact-form" method="post" action={`/dashboard/users/${user.id}/role`}>
              <SelectField
                form="user-role"
                name="role"
                label="Role"
                hint="Admins manage users; team members see every company; clients see only their own."
                value={failed?.form === 'role' ? failed.values.role : user.role}
                options={ROLE_OPTIONS}
                error={roleErrors.role}
                required
              />
              <button class="button" type="submit">
                Change role
              </button>
            </form>
          </section>
          <section class="dash-section" aria-labelledby="user-access">
            <h2 id="user-access">Access</h2>
            <ErrorSummary form="user-access" errors={accessErrors} order={[]} />
            {user.disabledAt ? (
              <form method="post" action={`/dashboard/users/${user.id}/enable`}>
                <p>This account is disabled: it cannot sign in.</p>
                <button class="button" type="submit">
                  Enable account
                </button>
              </form>
            ) : (
              <form method="post" action={`/dashboard/users/${user.id}/disable`}>
                <p>
                  {self
                    ? 'This is your own account; another admin can disable it.'
                    : 'Disabling signs this person out everywhere at once and stops them signing in.'}
                </p>
                <button class="button button--quiet" type="submit">
                  Disable account
                </button>
              </form>
            )}
          </section>
          <UserSecondFactor
            userId={user.id}
            factors={user.secondFactor}
            self={self}
            errors={failed?.form === 'second-factor' ? failed.errors : {}}
          />
        </>
      )}
    </DashboardLayout>
  )
}
