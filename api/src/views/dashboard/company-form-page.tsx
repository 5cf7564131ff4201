import type { Context } from 'hono'
import type { CompanyRecord } from '../../data/companies.ts'
import type { AppEnv } from '../../env.ts'
import { COMPANY_EDIT_FIELDS, COMPANY_FIELDS } from '../../routes/team/companies/schema.ts'
import { TextField } from '../kit/field.tsx'
import { RecordForm } from '../kit/record-form.tsx'
import { DashboardLayout } from './layout.tsx'

/** What a company form shows: what was typed (or is stored) and the message per field. */
interface CompanyFormProps {
  c: Context<AppEnv>
  values?: Record<string, string>
  errors?: Record<string, string>
}

/** `/dashboard/companies/new`: the form, re-rendered with messages and the input kept on failure. */
export function NewCompanyPage({ c, values = {}, errors = {} }: CompanyFormProps) {
  return (
    <DashboardLayout c={c} title="New company" active="companies">
      <p>
        <a href="/dashboard/companies">Back to companies</a>
      </p>
      <RecordForm
        form="company"
        order={COMPANY_FIELDS}
        errors={errors}
        action="/dashboard/companies"
        submit="Create company"
      >
        <NameField values={values} errors={errors} />
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
        <WebsiteField values={values} errors={errors} />
      </RecordForm>
    </DashboardLayout>
  )
}

/**
 * `/dashboard/companies/<id>/edit`: name and website (the slug names links and files, so it stays),
 * filled from the stored company, or with what was typed when the post failed.
 */
export function EditCompanyPage({
  c,
  company,
  values,
  errors = {},
}: CompanyFormProps & { company: CompanyRecord }) {
  const shown = values ?? { name: company.name, website: company.website ?? '' }
  return (
    <DashboardLayout c={c} title={`Edit ${company.name}`} active="companies">
      <p>
        <a href={`/dashboard/companies/${company.id}`}>Back to {company.name}</a>
      </p>
      <RecordForm
        form="company"
        order={COMPANY_EDIT_FIELDS}
        errors={errors}
        action={`/dashboard/companies/${company.id}`}
        submit="Save changes"
      >
        <NameField values={shown} errors={errors} />
        <WebsiteField values={shown} errors={errors} />
      </RecordForm>
    </DashboardLayout>
  )
}

function NameField({ values, errors }: Required<Pick<CompanyFormProps, 'values' | 'errors'>>) {
  return (
    <TextField
      form="company"
      name="name"
      label="Name"
      value={values.name}
      autocomplete="organization"
      maxlength={120}
      error={errors.name}
    />
  )
}

function WebsiteField({ values, errors }: Required<Pick<CompanyFormProps, 'values' | 'errors'>>) {
  return (
    <TextField
      form="company"
      name="website"
      label="Website (optional)"
      hint="The full address, starting with https://."
      type="url"
      value={values.website}
      autocomplete="url"
      maxlength={300}
      required={false}
      error={errors.website}
    />
  )
}
