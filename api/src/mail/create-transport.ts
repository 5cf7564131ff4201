import type { MailConfig } from './config.ts'
import { resendTransport } from './resend-transport.ts'
import { smtpTransport } from './smtp-transport.ts'
import type { MailTransport } from './transport.ts'

/** The transport `MAIL_TRANSPORT` chose: SMTP from the Worker, or Resend's HTTP API. */
export function createTransport(config: MailConfig): MailTransport {
  return config.transport.kind === 'smtp'
    ? smtpTransport(config.transport)
    : resendTransport(config.transport)
}
