import { createHmac, timingSafeEqual } from 'node:crypto'
import { inject } from 'vitest'
import type { ReceivedRequest, ScriptedAnswer } from './webhook-receiver.ts'

// The tests' side of the webhook receiver server (webhook-receiver.ts, a real HTTP server in Node):
// a receiver's URL, its script, and what it got. Plus the README's verification recipe, word for
// word, so the tests check signatures the way a studio's receiver would.

export type { ReceivedRequest, ScriptedAnswer }

const base = () => inject('webhookReceiverUrl')

/** The URL of receiver `name` (a unique name per test keeps tests apart). */
export function receiverUrl(name: string): string {
  return `${base()}/hooks/${name}`
}

/** Makes receiver `name` answer `answers` in turn, then `otherwise` (default 200 "ok"). */
export async function script(
  name: string,
  answers: ScriptedAnswer[],
  otherwise?: ScriptedAnswer,
): Promise<void> {
  const response = await fetch(`${base()}/_control/script`, {
    method: 'POST',
    body: JSON.stringify({ name, answers, otherwise }),
  })
  if (response.status !== 204) throw new Error(`receiver script: ${response.status}`)
}

/** Every request receiver `name` got, oldest first. */
export async function received(name: string): Promise<ReceivedRequest[]> {
  const response = await fetch(`${base()}/_control/received?name=${encodeURIComponent(name)}`)
  return (await response.json()) as ReceivedRequest[]
}

/**
 * The README's receiver check ("Verifying the signature"), in Node: the HMAC of `timestamp.body`
 * under the secret, compared in constant time, and a timestamp at most five minutes old.
 */
export function verifyKairoSignature(
  secret: string,
  headers: Record<string, string | undefined>,
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = headers['kairo-timestamp'] ?? ''
  const signature = headers['kairo-signature'] ?? ''
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`
  return (
    expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  )
}
