import type { Mailbox } from './config.ts'

/** One e-mail, ready to send: both bodies rendered, the Message-ID fixed by the outbox row. */
export interface MailMessage {
  /** `<outbox-row-id@sender-domain>`: the same on every attempt, so a repeat is recognisable as one. */
  messageId: string
  /** Stable per outbox row; an API that supports it uses it to drop a repeated request. */
  idempotencyKey: string
  from: Mailbox
  to: Mailbox
  replyTo?: Mailbox
  subject: string
  text: string
  html: string
  /**
   * Extra header fields (the notifications' `List-Unsubscribe` and `List-Unsubscribe-Post`), sent as
   * they are by every transport. Never `Message-ID`, which comes from `messageId`.
   */
  headers?: Record<string, string>
}

/**
 * A way out for mail (SMTP, an HTTP mail API). `send` resolves once the other side accepted the
 * message and throws a {@link MailError} otherwise; `close` ends whatever `send` opened (one SMTP
 * connection serves a whole batch) and never throws.
 */
export interface MailTransport {
  readonly name: string
  send(message: MailMessage): Promise<void>
  close(): Promise<void>
}

/**
 * A failed delivery. `permanent` means trying again cannot help (the API refused the message as
 * malformed), so the outbox marks it dead at once instead of retrying. The message is stored in the
 * row's `last_error` for admins; it must never carry a credential.
 */
export class MailError extends Error {
  readonly permanent: boolean
  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'MailError'
    this.permanent = options.permanent ?? false
  }
}

/** Formats a mailbox for a header or an API field: `"Name" <a@b.c>` or `a@b.c`. */
export function formatMailbox(mailbox: Mailbox): string {
  return mailbox.name ? `${JSON.stringify(mailbox.name)} <${mailbox.email}>` : mailbox.email
}
