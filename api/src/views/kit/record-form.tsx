import type { Child } from 'hono/jsx'
import { ErrorSummary } from './error-summary.tsx'

/** Props of {@link RecordForm}. */
export interface RecordFormProps {
  /** The form's id prefix (fields are `<form>-<name>`). */
  form: string
  /** Field names in the order the form shows them, for the error summary. */
  order: readonly string[]
  errors: Record<string, string>
  action: string
  submit: string
  /**
   * The version of what an edit form was filled from (after a refused save, of what is stored now),
   * posted back so a save over someone else's change is refused instead of lost.
   */
  version?: string
  /** The fields. */
  children: Child
}

/**
 * The frame of a team form that creates or edits one record: the summary of what to fix, then a
 * plain POST form (it works without JavaScript) with the record's version and one submit button.
 */
export function RecordForm({ form, order, errors, action, submit, version, children }: RecordFormProps) {
  return (
    <>
      <ErrorSummary form={form} errors={errors} order={order} />
      <form class="contact-form" method="post" action={action}>
        {version !== undefined && <input type="hidden" name="version" value={version} />}
        {children}
        <button class="button" type="submit">
          {submit}
        </button>
      </form>
    </>
  )
}
