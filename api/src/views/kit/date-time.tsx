// The one way dates are written on Worker-rendered pages: "4 Mar 2025, 09:30 UTC", or "4 Mar 2025"
// for a day without a meaningful time (a due date). Always UTC, and it says so: without JavaScript
// the Worker cannot know the reader's time zone.

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const MINUTE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

/** The text {@link DateTime} shows, for where only a string fits (an accessible name, a message). */
export function formatDateTime(value: Date, dateOnly = false): string {
  return dateOnly ? DAY.format(value) : `${MINUTE.format(value)} UTC`
}

/** Props of {@link DateTime}. */
export interface DateTimeProps {
  value: Date | null
  /** Only the day, for dates whose time means nothing (due dates, start dates). */
  dateOnly?: boolean
  /** What a missing date reads as. */
  empty?: string
}

/** A date people can read, in `<time>` with the machine-readable instant in `datetime`. */
export function DateTime({ value, dateOnly = false, empty = 'Not set' }: DateTimeProps) {
  if (!value) return <span class="muted">{empty}</span>
  return <time datetime={value.toISOString()}>{formatDateTime(value, dateOnly)}</time>
}
