import { SelectField } from './field.tsx'

/**
 * A list page's status filter: a plain GET form (works without script), so the filtered list has its
 * own address and the pager keeps the filter.
 */
export function StatusFilter({
  area,
  status,
  placeholder,
  options,
  keep = {},
}: {
  /** The list's path segment under `/dashboard/` (`leads`), which also names the form. */
  area: string
  status?: string
  placeholder: string
  options: ReadonlyArray<{ value: string; label: string }>
  /** The list's other filters (a search), kept as hidden fields; empty values are left out. */
  keep?: Record<string, string | undefined>
}) {
  return (
    <form class="actions dash-section" method="get" action={`/dashboard/${area}`}>
      <SelectField
        form={`${area}-filter`}
        name="status"
        label="Show"
        value={status ?? ''}
        placeholder={placeholder}
        options={options}
      />
      {Object.entries(keep).map(([name, value]) =>
        value ? <input type="hidden" name={name} value={value} /> : null,
      )}
      <button class="button button--quiet" type="submit">
        Filter
      </button>
    </form>
  )
}
