import { describe, expect, it } from 'vitest'

import { signPreviewToken, verifyPreviewToken } from './token.ts'

const secret = 'a-preview-secret-of-at-least-32-chars!'
const study = { collection: 'case-studies', id: 7 }
const now = Date.UTC(2026, 10, 23, 12)

describe('preview tokens', () => {
  it('open the document they were signed for until they expire', () => {
    const token = signPreviewToken(study, secret, { now, ttlMs: 60_000, stepMs: 1000 })
    expect(token).toMatch(/^\d+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyPreviewToken(token, study, secret, now + 59_000)).toEqual({ ok: true })
    // The id as the URL carries it (a string) is the same document.
    expect(verifyPreviewToken(token, { ...study, id: '7' }, secret, now)).toEqual({ ok: true })
  })

  it('expire after their lifetime (one hour by default)', () => {
    const token = signPreviewToken(study, secret, { now })
    expect(verifyPreviewToken(token, study, secret, now + 3_599_000).ok).toBe(true)
    expect(verifyPreviewToken(token, study, secret, now + 3_600_000)).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('are the same for every link made within ten minutes, and live at least an hour', () => {
    // The live preview panel reloads its frame when the link changes: autosaves must not change it.
    const start = now + 1 // just past a step's boundary
    const first = signPreviewToken(study, secret, { now: start })
    expect(signPreviewToken(study, secret, { now: start + 9 * 60_000 })).toBe(first)
    expect(signPreviewToken(study, secret, { now: start + 10 * 60_000 })).not.toBe(first)
    const last = start + 10 * 60_000 - 2
    expect(verifyPreviewToken(first, study, secret, last + 3_599_000).ok).toBe(true)
  })

  it('open no other document, collection or secret', () => {
    const token = signPreviewToken(study, secret, { now })
    const invalid = { ok: false, reason: 'invalid' }
    expect(verifyPreviewToken(token, { ...study, id: 8 }, secret, now)).toEqual(invalid)
    expect(verifyPreviewToken(token, { collection: 'services', id: 7 }, secret, now)).toEqual(invalid)
    expect(verifyPreviewToken(token, { collection: 'pages', id: 7 }, secret, now)).toEqual(invalid)
    expect(verifyPreviewToken(token, study, `${secret}x`, now)).toEqual(invalid)
  })

  it('refuse a tampered expiry or signature', () => {
    const token = signPreviewToken(study, secret, { now })
    const [expires = '', mac = ''] = token.split('.')
    // Pushing the expiry out breaks the signature: a link cannot be made to live longer.
    expect(verifyPreviewToken(`${Number(expires) + 3600}.${mac}`, study, secret, now).ok).toBe(false)
    const flipped = `${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`
    expect(verifyPreviewToken(`${expires}.${flipped}`, study, secret, now)).toEqual({
      ok: false,
      reason: 'invalid',
    })
    // The last character carries two spare bits: a variant that decodes to the same bytes is refused.
    const last = mac.at(-1) ?? 'A'
    const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const index = sibling.indexOf(last)
    const twin = sibling[index ^ 1] ?? last
    expect(Buffer.from(`${mac.slice(0, -1)}${twin}`, 'base64url')).toEqual(Buffer.from(mac, 'base64url'))
    expect(verifyPreviewToken(`${expires}.${mac.slice(0, -1)}${twin}`, study, secret, now).ok).toBe(false)
  })

  it('refuse what is not a token at all', () => {
    for (const token of [undefined, null, '', 'abc', '123.', `.${'a'.repeat(43)}`, `1.${'a'.repeat(44)}`]) {
      expect(verifyPreviewToken(token, study, secret, now)).toEqual({ ok: false, reason: 'malformed' })
    }
  })
})
