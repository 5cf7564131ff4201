import type { WebhookEventType } from '@kairo/db'
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from '../signature.ts'
import { type AddressProblem, webhookUrlProblem } from './address.ts'
import { endpointSecret } from './secret.ts'

// One try at delivering one event to one endpoint: the body, its signature, the POST, and what came
// back. Shared by the cron (deliver.ts) and the team's "send again". The request is signed like the
// run webhook's reports (the receiver checks it with the same recipe), and two more headers say what
// it is: `Kairo-Event` (the type) and `Kairo-Delivery` (this copy's id, the same on every retry).

export const EVENT_HEADER = 'Kairo-Event'
export const DELIVERY_HEADER = 'Kairo-Delivery'
/** How long a receiver has to answer; a slower one counts as failed and is retried. */
export const SEND_TIMEOUT_MS = 10_000
/** How much of an answer is kept in the log: enough to recognise an error page, no more. */
export const EXCERPT_CHARS = 300
/** At most this much of an answer is read (the rest is dropped unread). */
const MAX_READ_BYTES = 4096

/** Why a delivery was not sent to its address (the log's excerpt). */
const REFUSED: Record<AddressProblem, string> = {
  invalid: 'the address is not a valid URL',
  scheme: 'production sends to https addresses only',
  credentials: 'the address holds a user name or password',
  private_address: 'the address is private, loopback, link-local or otherwise not public',
  private_name: 'the host name is local to a network (localhost, .local, .internal…)',
}

/** What is sent: a delivery row with its endpoint's address and key id. */
export interface OutgoingDelivery {
  id: string
  eventId: string
  eventType: WebhookEventType
  payload: Record<string, unknown>
  createdAt: Date
  url: string
  secretKeyId: string
}

/** What one try gave. `permanent`: retrying cannot help (the address is refused). */
export interface AttemptResult {
  ok: boolean
  statusCode: number | null
  excerpt: string
  durationMs: number
  permanent: boolean
}

export interface SendOptions {
  signingKey: string
  /** Production refuses non-public addresses again at delivery (the URL may predate a rule). */
  production: boolean
  timeoutMs?: number
  /** The clock for the signature's timestamp. */
  now?: Date
}

/** The body as the receiver gets it: `{ id, type, createdAt, data }`, stable across retries. */
export function deliveryBody(
  delivery: Pick<OutgoingDelivery, 'eventId' | 'eventType' | 'createdAt' | 'payload'>,
) {
  return JSON.stringify({
    id: delivery.eventId,
    type: delivery.eventType,
    createdAt: delivery.createdAt.toISOString(),
    data: delivery.payload,
  })
}

/**
 * Sends `delivery` once and says what happened; never throws for the receiver's failure (a network
 * error, a timeout, a non-2xx answer are results). Redirects are not followed: a 3xx is a failure,
 * so an answer cannot send the Worker on to an address the check never saw.
 */
export async function sendDelivery(delivery: OutgoingDelivery, options: SendOptions): Promise<AttemptResult> {
  const problem = webhookUrlProblem(delivery.url, options.production)
  if (problem) {
    return {
      ok: false,
      statusCode: null,
      excerpt: `Not sent: ${REFUSED[problem]}`,
      durationMs: 0,
      permanent: true,
    }
  }
  const body = deliveryBody(delivery)
  const bytes = new TextEncoder().encode(body)
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000))
  const secret = await endpointSecret(options.signingKey, delivery.secretKeyId)
  const signature = await signWebhookBody(secret, timestamp, bytes)
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS
  const started = Date.now()
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kairo-Webhooks/1',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: `v1=${signature}`,
        [EVENT_HEADER]: delivery.eventType,
        [DELIVERY_HEADER]: delivery.id,
      },
      body: bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await readSome(response)
    const ok = response.status >= 200 && response.status < 300
    return {
      ok,
      statusCode: response.status,
      excerpt: excerptOf(text),
      durationMs: Date.now() - started,
      permanent: false,
    }
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    return {
      ok: false,
      statusCode: null,
      excerpt: timedOut
        ? `No answer within ${timeoutMs / 1000} s`
        : `Could not connect: ${excerptOf(error instanceof Error ? error.message : String(error))}`,
      durationMs: Date.now() - started,
      permanent: false,
    }
  }
}

/** Up to {@link MAX_READ_BYTES} of the answer as text; the rest of the stream is cancelled. */
async function readSome(response: Response): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < MAX_READ_BYTES) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  const all = new Uint8Array(Math.min(size, MAX_READ_BYTES))
  let offset = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, all.length - offset)
    all.set(part, offset)
    offset += part.length
    if (offset >= all.length) break
  }
  return new TextDecoder().decode(all)
}

/** The first characters of `text`, on one line (control characters and runs of space collapsed). */
function excerptOf(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const line = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim()
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS - 1)}…` : line
}
