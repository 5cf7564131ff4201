import type { ResendSettings } from './config.ts'
import { formatMailbox, MailError, type MailMessage, type MailTransport } from './transport.ts'

/** How long one API call may take before it counts as failed (and is retried later). */
const REQUEST_TIMEOUT_MS = 15_000

/**
 * Resend's HTTP API (`POST /emails`): the body is JSON (`from`, `to`, `reply_to`, `subject`, `html`,
 * `text`, `headers`), authorised by `Authorization: Bearer <RESEND_API_KEY>`. The outbox row's id
 * goes in `Idempotency-Key`, so a repeat within Resend's 24 hours (a run that died after the call
 * but before marking the row sent) sends nothing twice. A 4xx other than 408/409/429 is permanent:
 * the same request would be refused again. The key is only ever in the header, never in an error.
 */
export function resendTransport(settings: ResendSettings): MailTransport {
  return {
    name: 'resend',
    async send(message: MailMessage) {
      let response: Response
      try {
        response = await fetch(`${settings.apiUrl}/emails`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${settings.apiKey}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': message.idempotencyKey,
          },
          body: JSON.stringify({
            from: formatMailbox(message.from),
            to: [formatMailbox(message.to)],
            ...(message.replyTo ? { reply_to: formatMailbox(message.replyTo) } : {}),
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: { ...message.headers, 'Message-ID': message.messageId },
          }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
      } catch (error) {
        const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable'
        throw new MailError(`resend: the API is ${reason}`, { cause: error })
      }
      if (response.ok) {
        await response.body?.cancel()
        return
      }
      const detail = await apiMessage(response)
      const permanent =
        response.status >= 400 && response.status < 500 && ![408, 409, 429].includes(response.status)
      throw new MailError(`resend: ${response.status}${detail ? ` ${detail}` : ''}`, { permanent })
    },
    async close() {},
  }
}

/** Resend's error body is `{ statusCode, name, message }`; keep its message, short. */
async function apiMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown }
    return typeof body.message === 'string' ? body.message.slice(0, 200) : ''
  } catch {
    return ''
  }
}
