/**
 * The list of what to fix at the top of a failed form, each item a link to its field (ids are
 * `<form>-<name>`, as {@link TextField} writes them); focusable so it can take focus, announced as
 * an alert. Messages without a field in `order` (about the whole form) are listed as plain text.
 * Renders nothing without errors.
 */
export function ErrorSummary({
  form,
  errors,
  order,
  ids = {},
}: {
  /** The form's id prefix; also keeps two summaries on one page apart. */
  form: string
  errors: Record<string, string>
  /** Field names in the order the form shows them. */
  order: readonly string[]
  /** The ids of fields given an explicit one ({@link FieldProps.id}), by name. */
  ids?: Readonly<Record<string, string>>
}) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  const titleId = `${form}-error-summary-title`
  const fieldErrors = order.filter((name) => errors[name])
  const other = entries.filter(([name]) => !order.includes(name))
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabindex={-1}>
      <h2 id={titleId}>There is a problem</h2>
      <ul>
        {fieldErrors.map((name) => (
          <li>
            <a href={`#${ids[name] ?? `${form}-${name}`}`}>{errors[name]}</a>
          </li>
        ))}
        {other.map(([, message]) => (
          <li>{message}</li>
        ))}
      </ul>
    </div>
  )
}
