/**
 * A list page's search box: a plain GET form (works without script), so a search has its own
 * address and the pager keeps it. The list's other filters ride along as hidden fields, so searching
 * does not drop them; a new search starts at page 1.
 */
export function SearchForm({
  area,
  q,
  label,
  hint,
  keep = {},
}: {
  /** The list's path segment under `/dashboard/` (`leads`), which also names the form. */
  area: string
  q?: string
  label: string
  hint: string
  /** The list's other filters, kept (empty values are left out). */
  keep?: Record<string, string | undefined>
}) {
  const id = `${area}-search-q`
  return (
    <form class="actions dash-section" method="get" action={`/dashboard/${area}`}>
      <div class="field">
        <label for={id}>{label}</label>
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
        <input
          id={id}
          name="q"
          type="search"
          value={q ?? ''}
          maxlength={200}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={`${id}-hint`}
        />
      </div>
      {Object.entries(keep).map(([name, value]) =>
        value ? <input type="hidden" name={name} value={value} /> : null,
      )}
      <button class="button button--quiet" type="submit">
        Search
      </button>
      {q && <a href={hrefWith(`/dashboard/${area}`, keep)}>Clear the search</a>}
    </form>
  )
}

/** `path` with the non-empty values of `query` (what a link keeps of a list's filters). */
export function hrefWith(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
  const search = params.toString()
  return search ? `${path}?${search}` : path
}
