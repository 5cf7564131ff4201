import { MailDev } from 'maildev'
import { logLine } from './log.ts'

/**
 * The local stand-in for the studio's mail provider: MailDev (npm `maildev`), a real SMTP server
 * that keeps every message it receives, with a web inbox and a REST API (`GET /api/email`) on
 * `inboxPort`. The Worker's outbox job and the CMS (Payload's forgot-password) both send to it over
 * plain SMTP on 127.0.0.1.
 */
export interface LocalMailServer {
  smtpPort: number
  /** The web inbox, also the REST API's base (`${inboxUrl}/api/email`). */
  inboxUrl: string
  stop(): Promise<void>
}

/** The sender and the studio's lead inbox in development and tests (the demo admin's address). */
export const LOCAL_MAIL = { from: 'Kairo <hello@kairo.studio>', leadsTo: 'team@kairo.studio' } as const

/**
 * The SMTP settings every local process gets for the server on `smtpPort`, under the same names
 * production uses (api/README.md "Mail", cms/README.md "Mail"): the CMS reads them from its
 * environment, the Worker as vars. Retries start after 5 s locally (30 s in production), so a mail
 * server that was down delivers within seconds of coming back.
 */
export function localMailSettings(smtpPort: number): Record<string, string> {
  return {
    MAIL_TRANSPORT: 'smtp',
    MAIL_FROM: LOCAL_MAIL.from,
    MAIL_LEADS_TO: LOCAL_MAIL.leadsTo,
    MAIL_RETRY_BASE_SECONDS: '5',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURITY: 'none',
  }
}

/**
 * Starts MailDev on 127.0.0.1 only. `mailDirectory` keeps the messages across restarts (each system
 * its own folder, so a test run never sees development mail). Each message received is logged as
 * one `mail |` line (recipient and subject; local addresses only, never a body, which holds links).
 */
export async function startMailServer(options: {
  smtpPort: number
  inboxPort: number
  mailDirectory: string
  quiet?: boolean
}): Promise<LocalMailServer> {
  const maildev = new MailDev({
    smtp: options.smtpPort,
    ip: '127.0.0.1',
    web: options.inboxPort,
    webIp: '127.0.0.1',
    mailDirectory: options.mailDirectory,
    silent: true,
  })
  // Note: MailDev's API server announces itself with a bare console.info; route it through our prefix.
  const info = console.info
  console.info = (...args: unknown[]) => {
    if (!options.quiet) logLine('mail', args.map(String).join(' '))
  }
  try {
    const servers = await maildev.start()
    if (!options.quiet) {
      servers.smtp.on('new', (email: { subject?: string; to?: Array<{ address: string }> }) => {
        const to = (email.to ?? []).map((recipient) => recipient.address).join(', ')
        logLine('mail', `received for ${to}: ${email.subject ?? '(no subject)'}`)
      })
    }
  } finally {
    console.info = info
  }
  return {
    smtpPort: options.smtpPort,
    inboxUrl: `http://127.0.0.1:${options.inboxPort}`,
    stop: () => maildev.stop(),
  }
}
