import { describe, expect, it } from 'vitest'
import { UserFacingError } from './log.ts'
import { refusePlaceholders } from './placeholders.ts'

describe('refusePlaceholders', () => {
  it('names every variable still set to an .env.example placeholder, never the value', () => {
    const env = {
      PAYLOAD_SECRET: 'replace-with-at-least-32-random-characters',
      PREVIEW_SECRET: 'a-real-secret-of-more-than-32-characters',
      DATABASE_URL: 'postgres://kairo:replace-with-the-database-password@127.0.0.1:5432/kairo',
    }
    const attempt = () => refusePlaceholders(['DATABASE_URL', 'PAYLOAD_SECRET', 'PREVIEW_SECRET'], env)
    expect(attempt).toThrow(UserFacingError)
    expect(attempt).toThrow(
      'DATABASE_URL, PAYLOAD_SECRET are still the placeholder from .env.example: set a real value, or unset it',
    )
    expect(attempt).not.toThrow(/random-characters|database-password/)
  })

  it('lets real and unset values through', () => {
    expect(() =>
      refusePlaceholders(['PAYLOAD_SECRET', 'PREVIEW_SECRET'], { PAYLOAD_SECRET: 'f'.repeat(64) }),
    ).not.toThrow()
  })
})
