import type { UserRole } from '@kairo/db'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { ListPage } from '../../../data/rows.ts'
import { USER_ROLES, type UserDetail, type UserView } from '../../../data/users.ts'
import type { AppEnv } from '../../../env.ts'
import type { Flash } from '../../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../../views/dashboard/layout.tsx'
import { DataTable } from '../../../views/dashboard/parts.tsx'
import { AccountBadge, DateTime, ErrorSummary, type FailedForm, Pager, SelectField } from '../components.tsx'
import { ROLE_LABELS } from './schema.ts'

const ROLE_OPTIONS = USER_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))

/** `/dashboard/users`: staff first, then client users, with role, company and account state. */
export function UsersPage({
  c,
  list,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<UserView>
  flash?: Flash
}) {
  const admin = c.var.auth?.user.role === 'admin'
  return (
    <DashboardLayout c={c} title="Users" active="users" flash={flash}>
      <p class="muted">
        {admin
          ? 'Open a user to change their role or disable their account.'
          : 'Only an admin can change roles or disable accounts.'}{' '}
        <a href="/dashboard/invitations/new">Invite someone</a>
      </p>
      {list.items.length > 0 && (
        <DataTable
          caption={<>Staff, then client users, by name{list.total !== null && ` (${list.total})`}</>}
          head={
            <>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Company</th>
              <th scope="col">Account</th>
            </>
          }
        >
          {list.items.map((user) => (
            <UserRow
              user={{ ...user, disabled: user.disabledAt !== null }}
              company={user.companyName ?? <span class="muted">Studio</span>}
            />
          ))}
        </DataTable>
      )}
      <Pager
        label="Users pages"
        path="/dashboard/users"
        query={{}}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}

/**
 * One account as the team's tables list it (the users list, a company's users): name linking to the
 * account, email, role, the company column when `company` is given, and whether it can sign in.
 */
export function UserRow({
  user,
  company,
}: {
  user: { id: string; name: string; email: string; role: UserRole; disabled: boolean }
  company?: Child
}) {
  return (
    <tr>
      <th scope="row">
        <a href={`/dashboard/users/${user.id}`}>{user.name}</a>
      </th>
      <td>{user.email}</td>
      <td>{ROLE_LABELS[user.role]}</td>
      {company !== undefined && <td>{company}</td>}
      <td>
        <AccountBadge disabled={user.disabled} />
      </td>
    </tr>
  )
}

/** What a failed admin form sends back. */
export type UserFormState = FailedForm<'role' | 'access'>

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
        </>
      )}
    </DashboardLayout>
  )
}
