import type { MilestoneView } from '../../data/projects.ts'
import { MILESTONE_FIELDS } from '../../routes/team/projects/schema.ts'
import { ErrorSummary } from '../kit/error-summary.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { DateField, TextField } from '../kit/field.tsx'

// The studio's controls on a project's plan: each change is its own small POST form (works without
// script, one Tab stop per button), and a form to add a milestone at the end.

/** Where a milestone's change is posted (`action`: up, down, done, reopen). */
export function milestoneActionHref(projectId: string, milestoneId: string, action: string): string {
  return `/dashboard/projects/${projectId}/milestones/${milestoneId}/${action}`
}

function ActionButton({ href, label, title }: { href: string; label: string; title: string }) {
  return (
    <form method="post" action={href}>
      <button class="button button--quiet" type="submit">
        {label}
        <span class="visually-hidden">: {title}</span>
      </button>
    </form>
  )
}

/** Move up (not on the first), move down (not on the last), and mark done or reopen. */
export function MilestoneActions({
  projectId,
  milestone,
  first,
  last,
}: {
  projectId: string
  milestone: MilestoneView
  first: boolean
  last: boolean
}) {
  const href = (action: string) => milestoneActionHref(projectId, milestone.id, action)
  return (
    <div class="actions">
      {!first && <ActionButton href={href('up')} label="Move up" title={milestone.title} />}
      {!last && <ActionButton href={href('down')} label="Move down" title={milestone.title} />}
      {milestone.doneAt ? (
        <ActionButton href={href('reopen')} label="Reopen" title={milestone.title} />
      ) : (
        <ActionButton href={href('done')} label="Mark done" title={milestone.title} />
      )}
    </div>
  )
}

/** A new milestone (title, optional due day), added at the end of the plan. */
export function AddMilestoneForm({
  projectId,
  failed,
}: {
  projectId: string
  failed?: FailedForm<'milestone'>
}) {
  const errors = failed?.errors ?? {}
  const values = failed?.values ?? {}
  return (
    <>
      <h3 id="add-milestone">Add a milestone</h3>
      <ErrorSummary form="milestone" errors={errors} order={MILESTONE_FIELDS} />
      <form class="contact-form" method="post" action={`/dashboard/projects/${projectId}/milestones`}>
        <TextField
          form="milestone"
          name="title"
          label="Title"
          value={values.title}
          autocomplete="off"
          maxlength={200}
          error={errors.title}
        />
        <DateField
          form="milestone"
          name="dueAt"
          label="Due date (optional)"
          value={values.dueAt}
          error={errors.dueAt}
        />
        <button class="button" type="submit">
          Add milestone
        </button>
      </form>
    </>
  )
}
