import type { Context } from 'hono'
import {
  INVITATION_STATUSES,
  type InvitationStatus,
  type InvitationView,
  mayInviteAs,
} from '../../data/invitations.ts'
import type { ListPage } from '../../data/rows.ts'
import type { AppEnv } from '../../env.ts'
import { INVITATION_STATUS_LABELS } from '../../routes/team/invitations/schema.ts'
import { ROLE_LABELS } from '../../routes/team/users/schema.ts'
import { Badge, type BadgeProps } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { Pager } from '../kit/pager.tsx'
import { StatusFilter } from '../kit/status-filter.tsx'
import type { Flash } from './flash.ts'
import { DashboardLayout } from './layout.tsx'

const TONES: Record<InvitationStatus, BadgeProps['tone']> = {
  pending: 'active',
  accepted: 'good',
  expired: 'warn',
  revoked: 'bad',
}

const STATUS_OPTIONS = INVITATION_STATUSES.map((value) => ({ value, label: INVITATION_STATUS_LABELS[value] }))

/** `/dashboard/invitations`: every invitation with its state; open ones can be revoked (by who may send them). */
export function InvitationsPage({
  c,
  list,
  status,
  flash,
}: {
  c: Context<AppEnv>
  list: ListPage<InvitationView>
  status?: InvitationStatus
  flash?: Flash
}) {
  // Revoking follows the rule for inviting: a team member sees no Revoke on staff invitations.
  const viewerRole = c.var.auth?.user.role ?? 'client'
  return (
    <DashboardLayout c={c} title="Invitations" active="invitations" flash={flash}>
      <p>
        <a class="button" href="/dashboard/invitations/new">
          Invite someone
        </a>
      </p>
      <StatusFilter
        area="invitations"
        status={status}
        placeholder="All invitations"
        options={STATUS_OPTIONS}
      />
      <DataTable
        // Past the end of the list the pager says so; no empty message then.
        empty={
          list.total === null
            ? undefined
            : status
              ? `No ${INVITATION_STATUS_LABELS[status].toLowerCase()} invitations.`
              : 'No invitations yet.'
        }
        caption={
          <>
            {status ? `${INVITATION_STATUS_LABELS[status]} invitations` : 'All invitations'}, newest first
            {list.total !== null && ` (${list.total})`}
          </>
        }
        head={
          <>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Company</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </>
        }
      >
        {list.items.map((invitation) => (
          <tr>
            <th scope="row">{invitation.email}</th>
            <td>{ROLE_LABELS[invitation.role]}</td>
            <td>{invitation.companyName ?? <span class="muted">Studio</span>}</td>
            <td>
              <Badge tone={TONES[invitation.status]} text={INVITATION_STATUS_LABELS[invitation.status]} />
            </td>
            <td>
              <DateTime value={invitation.createdAt} />
              {invitation.invitedByName && <span class="muted"> by {invitation.invitedByName}</span>}
            </td>
            <td>
              <DateTime value={invitation.expiresAt} />
            </td>
            <td>
              {(invitation.status === 'pending' || invitation.status === 'expired') &&
                mayInviteAs(viewerRole, invitation.role) && (
                  <form method="post" action={`/dashboard/invitations/${invitation.id}/revoke`}>
                    <button class="link-button" type="submit">
                      Revoke<span class="visually-hidden"> the invitation for {invitation.email}</span>
                    </button>
                  </form>
                )}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager
        label="Invitations pages"
        path="/dashboard/invitations"
        query={{ status }}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
    </DashboardLayout>
  )
}
