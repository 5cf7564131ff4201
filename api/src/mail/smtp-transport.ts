import { LogLevel, WorkerMailer } from 'worker-mailer'
import type { SmtpSettings } from './config.ts'
import { MailError, type MailMessage, type MailTransport } from './transport.ts'
import { installWorkerMailerFix } from './worker-mailer-fix.ts'

// A hang-up must fail the attempt, not spin the isolate (see the file).
installWorkerMailerFix()

/** How long the connection and each server reply may take before the attempt counts as failed. */
const SMTP_TIMEOUT_MS = 10_000

/**
 * SMTP from the Worker through `worker-mailer` (TCP over `cloudflare:sockets`). One connection serves
 * a batch: it opens on the first message and `close()` ends it. A failed message drops the
 * connection (a broken session must not take the next message down with it), and the next one
 * opens a fresh one. The library's own log is off: at debug level it would print message bodies,
 * which carry reset links. Errors keep the server's reply (e.g. `550 mailbox unavailable`), never
 * the credentials.
 *
 * Note: every SMTP failure is treated as temporary; a message the server keeps refusing goes dead
 * after the outbox's last attempt, where an admin sees the reply and can retry it.
 */
export function smtpTransport(settings: SmtpSettings): MailTransport {
  let mailer: Promise<WorkerMailer> | null = null
  const open = () =>
    WorkerMailer.connect({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      startTls: settings.security === 'starttls',
      ...(settings.credentials
        ? { credentials: settings.credentials, authType: ['plain', 'login'] as ('plain' | 'login')[] }
        : {}),
      logLevel: LogLevel.NONE,
      socketTimeoutMs: SMTP_TIMEOUT_MS,
      responseTimeoutMs: SMTP_TIMEOUT_MS,
    })
  const drop = async () => {
    const current = mailer
    mailer = null
    if (current) await current.then((m) => m.close()).catch(() => undefined)
  }
  return {
    name: 'smtp',
    async send(message: MailMessage) {
      try {
        mailer ??= open()
        const connection = await mailer
        await connection.send({
          from: message.from,
          to: message.to,
          ...(message.replyTo ? { reply: message.replyTo } : {}),
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: { ...message.headers, 'Message-ID': message.messageId },
        })
      } catch (error) {
        await drop()
        const reason = error instanceof Error ? error.message : String(error)
        throw new MailError(`smtp ${settings.host}:${settings.port}: ${reason}`.slice(0, 500), {
          cause: error,
        })
      }
    },
    close: drop,
  }
}
