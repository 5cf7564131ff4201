/**
 * A form that failed validation on a page with several forms: which one (so only its fields show the
 * messages), the message per field, and what was typed (sent back so nothing is lost).
 */
export interface FailedForm<Form extends string> {
  form: Form
  errors: Record<string, string>
  values: Record<string, string>
}
