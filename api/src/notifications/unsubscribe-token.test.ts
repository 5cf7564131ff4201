import { describe, expect, it } from 'vitest'
import { redactTokens } from '../auth/redact.ts'
import { signUnsubscribeToken, unsubscribeKeyOf, verifyUnsubscribeToken } from './unsubscribe-token.ts'

const KEY = 'a-test-key-of-more-than-thirty-two-characters'
const USER = '0b7c5a8e-3f5e-4a43-9a55-0a4f2b8e6f11'

describe('unsubscribe tokens', () => {
  it('round-trips every scope and refuses another key', () => {
    for (const scope of ['version_uploaded', 'automation_failed', 'digest'] as const) {
      const token = signUnsubscribeToken(KEY, { userId: USER, scope })
      expect(verifyUnsubscribeToken(KEY, token)).toEqual({ userId: USER, scope })
      expect(verifyUnsubscribeToken(`${KEY}!`, token)).toBeNull()
    }
  })

  it('is masked in logged paths like the other link tokens', () => {
    const token = signUnsubscribeToken(KEY, { userId: USER, scope: 'comment_added' })
    const [subject, mac] = token.split('.')
    const logged = redactTokens(`/unsubscribe/${token}`)
    expect(logged).toBe(`/unsubscribe/${subject}.[redacted]`)
    expect(logged).not.toContain(mac)
  })

  it('uses the development key only where no secret is set', () => {
    expect(unsubscribeKeyOf({ UNSUBSCRIBE_SECRET: KEY })).toBe(KEY)
    expect(unsubscribeKeyOf({})).not.toBe(KEY)
  })
})
