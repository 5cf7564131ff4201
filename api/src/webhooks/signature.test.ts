import { describe, expect, it } from 'vitest'
import { isWebhookKeyId, newWebhookKeyId, webhookSecret } from './keys.ts'
import { signWebhookBody, webhookSignatureProblem } from './signature.ts'

const KEY = 'test-webhook-signing-key-of-at-least-32-chars'
const KEY_ID = 'AAAAAAAAAAAAAAAAAAAAAA'
const BODY = new TextEncoder().encode('{"runId":"exec-1","event":"started"}')
const TIMESTAMP = '1767225600'
const AT = new Date(Number(TIMESTAMP) * 1000)

// Computed with the README's shell recipe, so the docs and the Worker agree:
//   printf '%s' "kairo-automation-webhook:$KEY_ID" | openssl dgst -sha256 -hmac "$KEY" -binary | basenc --base64url | tr -d '='
//   printf '%s' "$TIMESTAMP.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const SECRET = 'gNJnZAImx6L4WC-s8g-NPOsaQHWWVL9fa9QZlT9HhHs'
const SIGNATURE = '05825917a7c3b2fef4b19a4b09989c8b16e92f18696c21d8deaf89a41b1cf8f8'

const check = (signature: string | undefined, timestamp: string | undefined = TIMESTAMP) =>
  webhookSignatureProblem(SECRET, { timestamp, signature, body: BODY }, AT)

describe('run webhook keys and signatures', () => {
  it('derives the secret and the signature exactly as openssl does', async () => {
    expect(await webhookSecret(KEY, KEY_ID)).toBe(SECRET)
    expect(await signWebhookBody(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE)
    expect(await check(`v1=${SIGNATURE}`)).toBeNull()
    // Upper-case hex is the same number.
    expect(await check(`v1=${SIGNATURE.toUpperCase()}`)).toBeNull()
  })

  it('makes random 22-character key ids with their own secrets', async () => {
    const a = newWebhookKeyId()
    const b = newWebhookKeyId()
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(isWebhookKeyId(a)).toBe(true)
    expect(a).not.toBe(b)
    expect(await webhookSecret(KEY, a)).not.toBe(await webhookSecret(KEY, b))
    expect(isWebhookKeyId('short')).toBe(false)
    expect(isWebhookKeyId(`${KEY_ID}/..`)).toBe(false)
  })

  it('refuses a missing, malformed or wrong signature', async () => {
    expect(await check(undefined)).toBe('missing')
    expect(
      await webhookSignatureProblem(
        SECRET,
        { timestamp: undefined, signature: `v1=${SIGNATURE}`, body: BODY },
        AT,
      ),
    ).toBe('missing')
    expect(await check(SIGNATURE)).toBe('malformed')
    expect(await check(`v1=${SIGNATURE}`, 'yesterday')).toBe('malformed')
    expect(await check(`v1=${SIGNATURE.slice(0, -1)}0`)).toBe('mismatch')
    const otherBody = new TextEncoder().encode('{"runId":"exec-2","event":"started"}')
    expect(
      await webhookSignatureProblem(
        SECRET,
        { timestamp: TIMESTAMP, signature: `v1=${SIGNATURE}`, body: otherBody },
        AT,
      ),
    ).toBe('mismatch')
  })

  it('accepts a timestamp up to 300 s away either way, and no further', async () => {
    const signed = async (offset: number) => {
      const timestamp = String(Number(TIMESTAMP) + offset)
      return check(`v1=${await signWebhookBody(SECRET, timestamp, BODY)}`, timestamp)
    }
    expect(await signed(-300)).toBeNull()
    expect(await signed(300)).toBeNull()
    expect(await signed(-301)).toBe('outside_window')
    expect(await signed(301)).toBe('outside_window')
  })
})
