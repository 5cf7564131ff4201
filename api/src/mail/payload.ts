import type { Mailbox } from './config.ts'

// Reading an outbox payload in the templates: every value is checked, since a row can be older than
// the code that reads it (or hand-written), and a missing field must fail the render, not the job.

export type Payload = Record<string, unknown>

/** A non-blank string field, or null. */
export const str = (payload: Payload, key: string): string | null => {
  const value = payload[key]
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
})

/** An ISO date as "2 Dec 2026, 14:05 UTC", or null when it is none. */
export const when = (iso: string | null) =>
  iso && !Number.isNaN(Date.parse(iso)) ? `${dateFormat.format(new Date(iso))} UTC` : null

/** The payload's `to` (and `name`) as a mailbox, or null without an address. */
export const recipient = (payload: Payload): Mailbox | null => {
  const email = str(payload, 'to')
  if (!email) return null
  const name = str(payload, 'name')
  return name ? { name, email } : { email }
}

export const greeting = (payload: Payload) => `Hello ${str(payload, 'name') ?? 'there'},`
