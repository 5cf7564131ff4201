import { describe, expect, it } from 'vitest'
import { ARGON2ID_DEFAULTS, formatPhc, hashPassword, parsePhc, verifyPassword } from './password.ts'

describe('hashPassword / verifyPassword', () => {
  it('round-trips: the right password verifies, a wrong one does not', async () => {
    const phc = await hashPassword('kairo-client-demo')
    expect(await verifyPassword(phc, 'kairo-client-demo')).toBe(true)
    expect(await verifyPassword(phc, 'kairo-client-demO')).toBe(false)
    expect(await verifyPassword(phc, '')).toBe(false)
  })

  it('writes an OWASP-strength argon2id PHC string with a fresh salt each time', async () => {
    const a = await hashPassword('same password')
    const b = await hashPassword('same password')
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(a).not.toBe(b)
    expect(parsePhc(a)).toMatchObject({ ...ARGON2ID_DEFAULTS })
  })

  it('verifies a hash made by another argon2id implementation', async () => {
    // Made with OpenSSL's argon2id through Node 24's crypto.argon2Sync (m=1024 KiB, t=2, p=1, 32 bytes).
    const reference =
      '$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQta2Fpcm8hIQ$Q4QrADVvIJYTVdUqFiwmr+/bbpQMSZBXkAqZGCqRdSw'
    expect(await verifyPassword(reference, 'correct horse battery staple')).toBe(true)
    expect(await verifyPassword(reference, 'correct horse battery stapler')).toBe(false)
  })

  it('refuses hashes it cannot read instead of throwing', async () => {
    const valid = await hashPassword('pw')
    expect(await verifyPassword('', 'pw')).toBe(false)
    expect(await verifyPassword(valid.replace('argon2id', 'argon2i'), 'pw')).toBe(false)
    expect(await verifyPassword(valid.replace('m=19456', 'm=4194304'), 'pw')).toBe(false)
    expect(await verifyPassword(`${valid}$extra`, 'pw')).toBe(false)
  })
})

describe('parsePhc / formatPhc', () => {
  it('parses the parameters and base64 parts and formats them back unchanged', () => {
    const phc =
      '$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8'
    const parsed = parsePhc(phc)
    expect(parsed).toMatchObject({ m: 19456, t: 2, p: 1 })
    expect(Array.from(parsed?.salt ?? [])).toEqual(Array.from({ length: 16 }, (_, i) => i))
    expect(parsed && formatPhc(parsed)).toBe(phc)
  })

  it('rejects padded base64, a missing version and zero costs', () => {
    expect(
      parsePhc('$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw==$ICEiIyQlJicoKSorLC0uLzA'),
    ).toBeNull()
    expect(parsePhc('$argon2id$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$ICEiIyQlJicoKSorLC0uLzA')).toBeNull()
    expect(
      parsePhc('$argon2id$v=19$m=19456,t=0,p=1$AAECAwQFBgcICQoLDA0ODw$ICEiIyQlJicoKSorLC0uLzA'),
    ).toBeNull()
  })
})
