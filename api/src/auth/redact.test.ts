import { describe, expect, it } from 'vitest'
import { redactTokens } from './redact.ts'
import { randomToken } from './session.ts'

describe('redactTokens', () => {
  it('masks the secret half of a reset token in a path, keeping the id for correlation', () => {
    const id = randomToken(16)
    const secret = randomToken(32)
    expect(redactTokens(`/password-reset/${id}.${secret}`)).toBe(`/password-reset/${id}.[redacted]`)
    expect(redactTokens(`/x/${id}.${secret}/y`)).toBe(`/x/${id}.[redacted]/y`)
  })

  it('leaves ordinary paths alone', () => {
    for (const path of ['/login', '/dashboard/projects/3f2a', '/password-reset', '/site.webmanifest']) {
      expect(redactTokens(path)).toBe(path)
    }
  })
})
