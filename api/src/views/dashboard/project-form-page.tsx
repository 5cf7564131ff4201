import type { Context } from 'hono'
import type { ProjectDetail } from '../../data/projects.ts'
import type { AppEnv } from '../../env.ts'
import { PROJECT_FIELDS, PROJECT_STATUSES } from '../../routes/team/projects/schema.ts'
import { DateField, SelectField, TextAreaField, TextField } from '../kit/field.tsx'
import { RecordForm } from '../kit/record-form.tsx'
import { PROJECT_STATUS } from './format.ts'
import { DashboardLayout } from './layout.tsx'

const STATUS_OPTIONS = PROJECT_STATUSES.map((value) => ({ value, label: PROJECT_STATUS[value].text }))

/** A stored date as the value of `<input type="date">` (`2031-05-01`, UTC). */
export function dayValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : ''
}

/** What a project form shows: what was typed (or is stored) and the message per field. */
interface ProjectFormProps {
  values: Record<string, string>
  errors: Record<string, string>
}

/** `/dashboard/companies/<id>/projects/new`: a new project for the company. */
export function NewProjectPage({
  c,
  company,
  values = { status: 'planning' },
  errors = {},
}: Partial<ProjectFormProps> & { c: Context<AppEnv>; company: { id: string; name: string } }) {
  return (
    <DashboardLayout c={c} title={`New project for ${company.name}`} active="companies">
      <p>
        <a href={`/dashboard/companies/${company.id}`}>Back to {company.name}</a>
      </p>
      <ProjectForm
        action={`/dashboard/companies/${company.id}/projects`}
        submit="Create project"
        values={values}
        errors={errors}
      />
    </DashboardLayout>
  )
}

/** `/dashboard/projects/<id>/edit`: the project's fields, filled from the stored project. */
export function EditProjectPage({
  c,
  project,
  values,
  errors = {},
}: Partial<ProjectFormProps> & { c: Context<AppEnv>; project: ProjectDetail }) {
  const shown = values ?? {
    name: project.name,
    status: project.status,
    startedAt: dayValue(project.startedAt),
    dueAt: dayValue(project.dueAt),
    description: project.description,
  }
  return (
    <DashboardLayout c={c} title={`Edit ${project.name}`} active="projects">
      <p>
        <a href={`/dashboard/projects/${project.id}`}>Back to {project.name}</a>
      </p>
      <ProjectForm
        action={`/dashboard/projects/${project.id}`}
        submit="Save changes"
        values={shown}
        errors={errors}
      />
    </DashboardLayout>
  )
}

function ProjectForm({
  action,
  submit,
  values,
  errors,
}: ProjectFormProps & { action: string; submit: string }) {
  return (
    <RecordForm form="project" order={PROJECT_FIELDS} errors={errors} action={action} submit={submit}>
      <TextField
        form="project"
        name="name"
        label="Name"
        value={values.name}
        autocomplete="off"
        maxlength={120}
        error={errors.name}
      />
      <SelectField
        form="project"
        name="status"
        label="Status"
        value={values.status}
        options={STATUS_OPTIONS}
        error={errors.status}
        required
      />
      <DateField
        form="project"
        name="startedAt"
        label="Start date (optional)"
        value={values.startedAt}
        error={errors.startedAt}
      />
      <DateField
        form="project"
        name="dueAt"
        label="Due date (optional)"
        hint="On or after the start date."
        value={values.dueAt}
        error={errors.dueAt}
      />
      <TextAreaField
        form="project"
        name="description"
        label="Description (optional)"
        hint="What the client sees at the top of the project page."
        value={values.description}
        maxlength={5000}
        rows={5}
        required={false}
        error={errors.description}
      />
    </RecordForm>
  )
}
