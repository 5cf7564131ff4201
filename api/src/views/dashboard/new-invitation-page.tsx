import type { Context } from 'hono'
import { USER_ROLES } from '../../data/users.ts'
import type { AppEnv } from '../../env.ts'
import { INVITATION_FIELDS } from '../../routes/team/invitations/schema.ts'
import { ROLE_LABELS } from '../../routes/team/users/schema.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import { SelectField, TextField } from '../kit/field.tsx'
import { DashboardLayout } from './layout.tsx'

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
