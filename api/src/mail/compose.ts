import type { OutboxMessage } from '@kairo/db'
import { unsubscribeUrl } from '../notifications/unsubscribe-token.ts'
import type { MailConfig } from './config.ts'
import { renderHtml, renderText } from './layout.ts'
import { TEMPLATES } from './templates.ts'
import type { MailMessage } from './transport.ts'

/** The payload keys that hold secrets for `kind` (none for an unknown kind). */
export function secretKeysOf(kind: string): readonly string[] {
  return TEMPLATES[kind]?.secretKeys ?? []
}

/**
 * The Message-ID of an outbox row: `<row-id@sender-domain>`. Derived from the row alone, so every
 * attempt (and a repeat after a run died mid-send) carries the same id, and mail clients and
 * servers that deduplicate by it show one message.
 */
export function messageIdFor(rowId: string, from: { email: string }): string {
  const domain = from.email.slice(from.email.lastIndexOf('@') + 1)
  return `<${rowId}@${domain}>`
}

/** The visible unsubscribe link's words (RFC 8058 wants the header; people want a link they can see). */
export const UNSUBSCRIBE_LABEL = 'Unsubscribe from these e-mails'

/**
 * Builds the e-mail for an outbox row, or says why it cannot be built (an unknown kind, a payload
 * without a recipient): such a row can never be sent, so the job marks it dead at once.
 *
 * A notification e-mail also gets RFC 8058 one-click unsubscribe: `List-Unsubscribe: <url>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (a mail client then POSTs to the URL without
 * opening it), and the same URL as a visible link. The URL is signed here, at send time, with
 * `unsubscribeKey`, so the key never sits in the outbox table.
 */
export function composeMessage(
  row: Pick<OutboxMessage, 'id' | 'kind' | 'payload'>,
  config: Pick<MailConfig, 'from' | 'leadsTo'> & { unsubscribeKey?: string },
): { ok: true; message: MailMessage } | { ok: false; reason: string } {
  const template = TEMPLATES[row.kind]
  if (!template) return { ok: false, reason: `no template for the kind ${row.kind}` }
  const rendered = template.render(row.payload, { leadsTo: config.leadsTo })
  if (!rendered) return { ok: false, reason: `the ${row.kind} payload lacks a field its e-mail needs` }
  let headers: Record<string, string> | undefined
  if (rendered.unsubscribe) {
    if (!config.unsubscribeKey)
      return { ok: false, reason: `no unsubscribe key to sign the ${row.kind} e-mail` }
    const { origin, ...target } = rendered.unsubscribe
    const url = unsubscribeUrl(config.unsubscribeKey, origin, target)
    headers = { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
    rendered.parts.unsubscribe = { label: UNSUBSCRIBE_LABEL, url }
  }
  return {
    ok: true,
    message: {
      messageId: messageIdFor(row.id, config.from),
      idempotencyKey: `outbox/${row.id}`,
      from: config.from,
      to: rendered.to,
      ...(rendered.replyTo ? { replyTo: rendered.replyTo } : {}),
      subject: rendered.parts.subject,
      text: renderText(rendered.parts),
      html: renderHtml(rendered.parts),
      ...(headers ? { headers } : {}),
    },
  }
}
