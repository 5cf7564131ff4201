import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { COMPANY_FIELDS } from '../../routes/team/companies/schema.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import { TextField } from '../kit/field.tsx'
import { DashboardLayout } from './layout.tsx'

/** `/dashboard/companies/new`: the form, re-rendered with messages and the input kept on failure. */
export function NewCompanyPage({
  c,
  values = {},
  errors = {},
}: {
  c: Context<AppEnv>
  values?: Record<string, string>
  errors?: Record<string, string>
}) {
  return (
    <DashboardLayout c={c} title="New company" active="companies">
      <p>
        <a href="/dashboard/companies">Back to companies</a>
      </p>
      <ErrorSummary form="company" errors={errors} order={COMPANY_FIELDS} />
      <form class="contact-form" method="post" action="/dashboard/companies">
        <TextField
          form="company"
          name="name"
          label="Name"
          value={values.name}
          autocomplete="organization"
          maxlength={120}
          error={errors.name}
        />
        <TextField
          form="company"
          name="slug"
          label="Slug"
          hint="A short name for links and files: lower-case letters, digits and hyphens, like orbital-labs."
          value={values.slug}
          autocomplete="off"
          maxlength={60}
          error={errors.slug}
        />
        <button class="button" type="submit">
          Create company
        </button>
      </form>
    </DashboardLayout>
  )
}
