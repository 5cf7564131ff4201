import type { Child } from 'hono/jsx'
import { formatDate, formatDateTime, type StateLabel } from './format.ts'

// Small pieces the dashboard's pages share.

/** A state in words with a coloured dot; the words carry the meaning. */
export function Badge({ label }: { label: StateLabel }) {
  return <span class={`badge badge--${label.tone}`}>{label.text}</span>
}

/** A date (or date and time) in a `<time>` element with its machine-readable value. */
export function DateText({
  date,
  time = false,
  empty = 'Not set',
}: {
  date: Date | null
  time?: boolean
  empty?: string
}) {
  if (!date) return <span class="muted">{empty}</span>
  return <time datetime={date.toISOString()}>{time ? formatDateTime(date) : formatDate(date)}</time>
}

/** An empty table cell's dash, read out as "none" rather than "em dash". */
export function NoValue() {
  return (
    <>
      <span class="muted" aria-hidden="true">
        —
      </span>
      <span class="visually-hidden">none</span>
    </>
  )
}

/**
 * A data table in its scroll wrapper (a wide table scrolls sideways on a phone, not the page). Every
 * table has a caption; `hiddenCaption` keeps it for screen readers where a visible heading already
 * says the same. `head` is the header row's cells, the children are the body's rows.
 */
export function DataTable({
  caption,
  hiddenCaption = false,
  head,
  children,
}: {
  caption: Child
  hiddenCaption?: boolean
  head: Child
  children: Child
}) {
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
