import type { Context } from 'hono'
import type { AutomationRecord, StaffChoice } from '../../data/automation-edits.ts'
import type { AppEnv } from '../../env.ts'
import { AUTOMATION_FIELDS, AUTOMATION_STATUSES } from '../../routes/team/automations/schema.ts'
import { SelectField, TextAreaField, TextField } from '../kit/field.tsx'
import { RecordForm } from '../kit/record-form.tsx'
import { AUTOMATION_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'

// The studio's forms for an automation's own fields: a new one from its company's page, and editing
// one from its page. Its flow is edited on the automation's page, under the diagram.

const STATUS_HINTS: Record<string, string> = {
  draft: 'Draft (not running; its webhook refuses reports)',
  active: 'Active (running)',
  paused: 'Paused',
}
const STATUS_OPTIONS = AUTOMATION_STATUSES.map((value) => ({
  value,
  label: STATUS_HINTS[value] ?? AUTOMATION_STATUS[value].text,
}))

/** What an automation form shows: what was typed (or is stored) and the message per field. */
interface AutomationFormProps {
  values: Record<string, string>
  errors: Record<string, string>
  staff: StaffChoice[]
}

/** `/dashboard/companies/<id>/automations/new`: a new automation for the company. */
export function NewAutomationPage({
  c,
  company,
  staff,
  values = { status: 'draft' },
  errors = {},
}: Partial<Omit<AutomationFormProps, 'staff'>> & {
  c: Context<AppEnv>
  company: { id: string; name: string }
  staff: StaffChoice[]
}) {
  return (
    <DashboardLayout c={c} title={`New automation for ${company.name}`} active="companies">
      <p>
        <a href={`/dashboard/companies/${company.id}`}>Back to {company.name}</a>
      </p>
      <p>Its steps and connections are added on its page once it exists.</p>
      <AutomationForm
        action={`/dashboard/companies/${company.id}/automations`}
        submit="Create automation"
        values={values}
        errors={errors}
        staff={staff}
      />
    </DashboardLayout>
  )
}

/** `/dashboard/automations/<id>/edit`: its fields, filled from the stored automation. */
export function EditAutomationPage({
  c,
  automation,
  staff,
  values,
  errors = {},
}: Partial<Omit<AutomationFormProps, 'staff'>> & {
  c: Context<AppEnv>
  automation: AutomationRecord & { companyName: string }
  staff: StaffChoice[]
}) {
  const shown = values ?? {
    title: automation.title,
    description: automation.description,
    status: automation.status,
    ownerId: automation.ownerId ?? '',
  }
  return (
    <DashboardLayout c={c} title={`Edit ${automation.title}`} active="automations">
      <p>
        <a href={`/dashboard/automations/${automation.id}`}>Back to {automation.title}</a>
      </p>
      <p>For {automation.companyName}.</p>
      <AutomationForm
        action={`/dashboard/automations/${automation.id}`}
        submit="Save changes"
        values={shown}
        errors={errors}
        staff={staff}
        // The version of what the form was filled from; after a refused save, of what is stored now.
        version={automation.version}
      />
    </DashboardLayout>
  )
}

function AutomationForm({
  action,
  submit,
  values,
  errors,
  staff,
  version,
}: AutomationFormProps & { action: string; submit: string; version?: string }) {
  return (
    <RecordForm
      form="automation"
      order={AUTOMATION_FIELDS}
      errors={errors}
      action={action}
      submit={submit}
      version={version}
    >
      <TextField
        form="automation"
        name="title"
        label="Title"
        value={values.title}
        autocomplete="off"
        maxlength={120}
        error={errors.title}
      />
      <SelectField
        form="automation"
        name="status"
        label="State"
        value={values.status}
        options={STATUS_OPTIONS}
        error={errors.status}
        required
      />
      <SelectField
        form="automation"
        name="ownerId"
        label="Looked after by (optional)"
        hint="Someone from the studio; they are told when a run fails, as the client is."
        value={values.ownerId}
        options={staff.map((person) => ({ value: person.id, label: person.name }))}
        placeholder="Nobody in particular (the studio)"
        error={errors.ownerId}
      />
      <TextAreaField
        form="automation"
        name="description"
        label="Description (optional)"
        hint="What it does, as the client reads it at the top of its page."
        value={values.description}
        maxlength={2000}
        rows={4}
        required={false}
        error={errors.description}
      />
    </RecordForm>
  )
}
