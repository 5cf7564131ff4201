import type { Context } from 'hono'
import type { ListPage } from '../../data/rows.ts'
import type { UserView } from '../../data/users.ts'
import type { AppEnv } from '../../env.ts'
import { DataTable } from '../kit/data-table.tsx'
import { Pager } from '../kit/pager.tsx'
import { SearchForm } from '../kit/search-form.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'
import { UserRow } from './user-row.tsx'

/**
 * `/dashboard/users`: staff first, then client users, with role, company and account state; a GET
 * search by name or e-mail that the pager keeps.
 */
export function UsersPage({
  c,
  list,
  q,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<UserView>
  q?: string
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
      <SearchForm area="users" q={q} label="Search users" hint="In names and e-mail addresses." />
      {/* Without a search the reader's own account is always listed, so an empty page is past the end. */}
      <DataTable
        empty={q && list.total !== null ? `No users match “${q}”.` : undefined}
        caption={
          <>
            {q ? `Users matching “${q}”, staff first` : 'Staff, then client users'}, by name
            {list.total !== null && ` (${list.total})`}
          </>
        }
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
      <Pager
        label="Users pages"
        path="/dashboard/users"
        query={{ q }}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}
