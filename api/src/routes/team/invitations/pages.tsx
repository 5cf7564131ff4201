import type { Context } from 'hono'
import { INVITATION_STATUSES, type InvitationStatus, type InvitationView } from '../../../data/invitations.ts'
import type { ListPage } from '../../../data/rows.ts'
import { USER_ROLES } from '../../../data/users.ts'
import type { AppEnv } from '../../../env.ts'
import type { Flash } from '../../../views/dashboard/flash.ts'
import { DashboardLayout } from '../../../views/dashboard/layout.tsx'
import { DataTable } from '../../../views/dashboard/parts.tsx'
import { Badge, DateTime, ErrorSummary, Pager, SelectField, StatusFilter, TextField } from '../components.tsx'
import { ROLE_LABELS } from '../users/schema.ts'
import { INVITATION_FIELDS, INVITATION_STATUS_LABELS } from './schema.ts'

const TONES: Record<InvitationStatus, 'active' | 'good' | 'warn' | 'bad'> = {
  pending: 'active',
  accepted: 'good',
  expired: 'warn',
  revoked: 'bad',
}

const STATUS_OPTIONS = INVITATION_STATUSES.map((value) => ({ value, label: INVITATION_STATUS_LABELS[value] }))

/** `/dashboard/invitations`: every invitation with its state; open ones can be revoked. */
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
      {list.items.length === 0 && list.total !== null ? (
        <p class="empty">
          {status
            ? `No ${INVITATION_STATUS_LABELS[status].toLowerCase()} invitations.`
            : 'No invitations yet.'}
        </p>
      ) : (
        list.items.length > 0 && (
          <DataTable
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
                  <Badge tone={TONES[invitation.status]}>{INVITATION_STATUS_LABELS[invitation.status]}</Badge>
                </td>
                <td>
                  <DateTime value={invitation.createdAt} />
                  {invitation.invitedByName && <span class="muted"> by {invitation.invitedByName}</span>}
                </td>
                <td>
                  <DateTime value={invitation.expiresAt} />
                </td>
                <td>
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
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
        )
      )}
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

/**
 * `/dashboard/invitations/new`. An admin chooses any role; a team member invites clients only, so
 * the role field is not shown to them (the server refuses anything else either way).
 */
export function NewInvitationPage({
  c,
  companies,
  values = {},
  errors = {},
}: {
  c: Context<AppEnv>
  companies: Array<{ id: string; name: string }>
  values?: Record<string, string>
  errors?: Record<string, string>
}) {
  const admin = c.var.auth?.user.role === 'admin'
  return (
    <DashboardLayout c={c} title="Invite someone" active="invitations">
      <p>
        <a href="/dashboard/invitations">Back to invitations</a>
      </p>
      <p class="lede">
        They get an email with a link to choose their name and password. The link works once, for 7 days.
      </p>
      {/* A team member has no role field, so a role message is listed without a link. */}
      <ErrorSummary
        form="invitation"
        errors={errors}
        order={admin ? INVITATION_FIELDS : INVITATION_FIELDS.filter((field) => field !== 'role')}
      />
      <form class="contact-form" method="post" action="/dashboard/invitations">
        <TextField
          form="invitation"
          name="email"
          label="Email"
          type="email"
          value={values.email}
          autocomplete="off"
          maxlength={254}
          error={errors.email}
        />
        {admin && (
          <SelectField
            form="invitation"
            name="role"
            label="Role"
            hint="Clients see only their company's data; team members see every company; admins also manage users."
            value={values.role ?? 'client'}
            options={USER_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })).reverse()}
            error={errors.role}
            required
          />
        )}
        <SelectField
          form="invitation"
          name="companyId"
          label="Company"
          hint={admin ? 'Needed for a client; studio staff belong to no company.' : undefined}
          value={values.companyId}
          placeholder="Choose a company"
          options={companies.map((company) => ({ value: company.id, label: company.name }))}
          error={errors.companyId}
        />
        <button class="button" type="submit">
          Send invitation
        </button>
      </form>
    </DashboardLayout>
  )
}
