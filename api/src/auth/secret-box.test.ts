import { describe, expect, it } from 'vitest'
import { openSecret, sealSecret, totpKeyOf } from './secret-box.ts'

// TOTP secrets at rest: sealed under the Worker's key and bound to their user.

const KEY = 'k'.repeat(40)
const USER = '0b3f4c2e-6a1d-4f7e-9c8b-2d5a7e9f1c3b'
const OTHER = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'

describe('secret-box', () => {
  it('opens what it sealed, with a fresh IV each time', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(20))
    const first = await sealSecret(KEY, USER, secret)
    const second = await sealSecret(KEY, USER, secret)
    expect(first).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
    expect(first).not.toBe(second)
    expect(await openSecret(KEY, USER, first)).toEqual(secret)
  })

  it('refuses another user, another key, a changed byte and a malformed value', async () => {
    const sealed = await sealSecret(KEY, USER, new Uint8Array(20).fill(7))
    expect(await openSecret(KEY, OTHER, sealed)).toBeNull()
    expect(await openSecret('x'.repeat(40), USER, sealed)).toBeNull()
    const body = sealed.split('.')[2] as string
    const flipped = `${body.slice(0, 5)}${body[5] === 'A' ? 'B' : 'A'}${body.slice(6)}`
    expect(await openSecret(KEY, USER, sealed.replace(body, flipped))).toBeNull()
    for (const bad of ['', 'v1', 'v2.a.b', 'v1.a.b.c', 'v1.!!.??'])
      expect(await openSecret(KEY, USER, bad)).toBeNull()
  })

  it('uses the Worker secret when set, and a development key only without one', () => {
    expect(totpKeyOf({ TOTP_ENCRYPTION_KEY: KEY })).toBe(KEY)
    expect(totpKeyOf({})).toMatch(/development/)
  })
})
