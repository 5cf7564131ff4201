import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'
import {
  decodeTotpSecret,
  encodeTotpSecret,
  groupedTotpSecret,
  hotp,
  matchTotp,
  newTotpSecret,
  normaliseTotpCode,
  totpStep,
  totpUri,
} from './totp.ts'

// The TOTP module against RFC 6238's own test vectors and against otpauth, an independent
// implementation (what the authenticator apps compute), at many instants.

const RFC_SECRET = new TextEncoder().encode('12345678901234567890')
const STEP_MS = 30_000

describe('totp', () => {
  it('matches RFC 6238 appendix B (SHA-1), last six digits', () => {
    // The RFC prints 8 digits; a 6-digit code is the same value modulo 10^6.
    const vectors: Array<[number, string]> = [
      [59, '287082'],
      [1111111109, '081804'],
      [1111111111, '050471'],
      [1234567890, '005924'],
      [2000000000, '279037'],
      [20000000000, '353130'],
    ]
    for (const [seconds, code] of vectors) expect(hotp(RFC_SECRET, totpStep(seconds * 1000))).toBe(code)
  })

  it('computes what otpauth computes, for random secrets and instants', () => {
    for (let i = 0; i < 50; i++) {
      const secret = newTotpSecret()
      const at = Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 20 * 365 * 86_400_000)
      const reference = new TOTP({
        secret: Secret.fromBase32(encodeTotpSecret(secret)),
        digits: 6,
        period: 30,
      })
      expect(hotp(secret, totpStep(at))).toBe(reference.generate({ timestamp: at }))
    }
  })

  it('accepts the previous, current and next step, and refuses two steps away', () => {
    const secret = newTotpSecret()
    const reference = new TOTP({ secret: Secret.fromBase32(encodeTotpSecret(secret)) })
    const now = Date.UTC(2031, 4, 6, 7, 8, 15)
    const step = totpStep(now)
    const codeAt = (offset: number) => reference.generate({ timestamp: now + offset * STEP_MS })
    expect(matchTotp(secret, codeAt(-1), now)).toBe(step - 1)
    expect(matchTotp(secret, codeAt(0), now)).toBe(step)
    expect(matchTotp(secret, codeAt(1), now)).toBe(step + 1)
    expect(matchTotp(secret, codeAt(-2), now)).toBeNull()
    expect(matchTotp(secret, codeAt(2), now)).toBeNull()
  })

  it('never accepts a step at or before the last one used', () => {
    const secret = newTotpSecret()
    const now = Date.UTC(2031, 4, 6, 7, 8, 15)
    const step = totpStep(now)
    const code = hotp(secret, step)
    expect(matchTotp(secret, code, now, step - 1)).toBe(step)
    expect(matchTotp(secret, code, now, step)).toBeNull()
    // An older code after a newer one is refused too, though still inside the window.
    expect(matchTotp(secret, hotp(secret, step - 1), now, step)).toBeNull()
    expect(matchTotp(secret, hotp(secret, step + 1), now, step)).toBe(step + 1)
  })

  it('reads codes as people type them, and refuses anything else', () => {
    expect(normaliseTotpCode(' 123 456 ')).toBe('123456')
    expect(normaliseTotpCode('123-456')).toBe('123456')
    for (const bad of ['', '12345', '1234567', '12345a', '１２３４５６'])
      expect(normaliseTotpCode(bad)).toBeNull()
  })

  it('writes the secret and URI the way apps read them', () => {
    const secret = decodeTotpSecret('JBSW Y3DP EHPK 3PXP')
    expect(encodeTotpSecret(secret)).toBe('JBSWY3DPEHPK3PXP')
    expect(groupedTotpSecret(secret)).toBe('JBSW Y3DP EHPK 3PXP')
    const uri = totpUri({ issuer: 'Kairo', account: 'ada+1@example.com', secret })
    expect(uri).toBe(
      'otpauth://totp/Kairo:ada%2B1%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Kairo&algorithm=SHA1&digits=6&period=30',
    )
    // otpauth parses it back to the same key and parameters.
    const parsed = new TOTP({ secret: Secret.fromBase32(new URL(uri).searchParams.get('secret') ?? '') })
    expect(parsed.generate({ timestamp: 0 })).toBe(hotp(secret, 0))
  })
})
