/** Props of {@link Pager}. */
export interface PagerProps {
  /** The navigation's accessible name ("Leads pages"). */
  label: string
  path: string
  /** The list's filter, kept on every link (empty values are left out). */
  query: Record<string, string | undefined>
  page: number
  pageSize: number
  /** Null when the page is past the end of the list. */
  total: number | null
}

/**
 * Previous/next links for a paged list, keeping its filter; nothing when everything fits on one
 * page. Past the end only a link back to the first page is offered.
 */
export function Pager({ label, path, query, page, pageSize, total }: PagerProps) {
  const href = (n: number) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value)
    if (n > 1) params.set('page', String(n))
    const search = params.toString()
    return search ? `${path}?${search}` : path
  }
  if (total === null) {
    return (
      <nav class="pager" aria-label={label}>
        <p>
          This page is past the end of the list. <a href={href(1)}>Go to the first page</a>
        </p>
      </nav>
    )
  }
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages === 1) return null
  return (
    <nav class="pager" aria-label={label}>
      <ul class="actions">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous page
            </a>
          </li>
        )}
        <li>
          Page {page} of {pages}
        </li>
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">
              Next page
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}
