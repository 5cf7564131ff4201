// Postgres sends timestamps inside json as ISO strings; the dashboard's data types use Date.

/** An ISO timestamp from a json column as a Date (null stays null). */
export function jsonDate(value: string | null): Date | null {
  return value === null ? null : new Date(value)
}
