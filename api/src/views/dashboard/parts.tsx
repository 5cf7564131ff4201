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
