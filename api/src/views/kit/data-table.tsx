import type { Child } from 'hono/jsx'

/** Props of {@link DataTable}. */
export interface DataTableProps {
  /** Every table has one; it is the table's accessible name. */
  caption: Child
  /** Keeps the caption for screen readers only, where a visible heading already says the same. */
  hiddenCaption?: boolean
  /** The header row's cells (`<th scope="col">`). */
  head: Child
  /**
   * Said (as `<p class="empty">`) instead of the table when there are no rows. Without it an empty
   * table renders nothing, for lists whose page says why elsewhere (a pager past the end).
   */
  empty?: string
  /** The body's rows (`<tr>`, each led by a `<th scope="row">`). */
  children?: Child
}

/**
 * The one markup of every dashboard data table: a scroll wrapper (a wide table scrolls sideways on
 * a phone, not the page), the caption, the header row and the body; or the empty state.
 */
export function DataTable({ caption, hiddenCaption = false, head, empty, children }: DataTableProps) {
  if (!hasContent(children)) return empty === undefined ? null : <p class="empty">{empty}</p>
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption class={hiddenCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

// Rows arrive as `items.map(…)`, possibly nested in arrays; none left after dropping what JSX
// renders as nothing (null, undefined, false, '') means no rows.
function hasContent(children: Child): boolean {
  if (Array.isArray(children)) return children.some(hasContent)
  return children != null && children !== false && children !== ''
}
