import { expect } from '@playwright/test'
import { testUrls } from './system.ts'

// The test system's mail inbox (MailDev, started by the global setup): what the Worker's outbox job
// and the CMS actually sent over SMTP, read through MailDev's REST API (`GET /api/email`), never
// from the database. The outbox's cron fires every few seconds, so a message arrives within seconds.

/** One received e-mail as MailDev's REST API describes it (the fields the specs read). */
export interface InboxEmail {
  id: string
  subject: string
  time: string
  to: Array<{ address: string; name?: string }>
  from: Array<{ address: string; name?: string }>
  replyTo?: Array<{ address: string; name?: string }>
  headers: Record<string, string>
  text?: string
  html?: string
}

/** Every e-mail received so far, oldest first. */
export async function allEmails(): Promise<InboxEmail[]> {
  const response = await fetch(`${testUrls.inbox}/api/email`)
  if (!response.ok) throw new Error(`the test inbox answered ${response.status}`)
  return (await response.json()) as InboxEmail[]
}

/** An e-mail's raw source as received (headers MailDev does not parse into JSON, such as Reply-To). */
export async function emailSource(id: string): Promise<string> {
  const response = await fetch(`${testUrls.inbox}/api/email/${encodeURIComponent(id)}/source`)
  if (!response.ok) throw new Error(`the test inbox answered ${response.status} for a source`)
  return response.text()
}

/** The e-mails sent to `to` (case-insensitive), optionally only those whose subject matches. */
export async function emailsTo(to: string, subject?: RegExp): Promise<InboxEmail[]> {
  const address = to.toLowerCase()
  return (await allEmails()).filter(
    (email) =>
      email.to.some((recipient) => recipient.address.toLowerCase() === address) &&
      (!subject || subject.test(email.subject)),
  )
}

/** Waits (up to 30 s) for an e-mail to `to` whose subject matches, and returns the newest such. */
export async function waitForEmail(to: string, subject: RegExp): Promise<InboxEmail> {
  let found: InboxEmail | undefined
  await expect
    .poll(
      async () => {
        found = (await emailsTo(to, subject)).at(-1)
        return found !== undefined
      },
      { timeout: 30_000, intervals: [500], message: `an e-mail to ${to} with a subject like ${subject}` },
    )
    .toBe(true)
  if (!found) throw new Error('unreachable: poll passed without an e-mail')
  return found
}

/** The first link in the e-mail's plain text whose path matches `path` (what the reader clicks). */
export function linkIn(email: InboxEmail, path: RegExp): string {
  const links = (email.text ?? '').match(/https?:\/\/[^\s<>"]+/g) ?? []
  const link = links.find((candidate) => path.test(new URL(candidate).pathname))
  if (!link) throw new Error(`no link matching ${path} in the e-mail "${email.subject}"`)
  return link
}
