import type { UserRole } from '@kairo/db'
import type { Child } from 'hono/jsx'
import { ROLE_LABELS } from '../../routes/team/users/schema.ts'
import { Badge } from '../kit/badge.tsx'

/** Whether an account can sign in, in words (users list, user page, a company's users). */
export function AccountBadge({ disabled }: { disabled: boolean }) {
  return disabled ? <Badge tone="bad" text="Disabled" /> : <Badge tone="good" text="Active" />
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
