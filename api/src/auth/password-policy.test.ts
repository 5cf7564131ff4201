import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS } from './common-passwords.ts'
import { checkNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts'

const COMMON = 'This password is too easy to guess; choose a less common one'
const PERSONAL = 'Do not use your name or email address in your password'

describe('checkNewPassword', () => {
  it('accepts 8 characters, a 64-character passphrase and the 256-character cap', () => {
    expect(checkNewPassword('vT9#qLm2')).toBeNull()
    const passphrase = 'correct horse battery staple, orbiting slowly over the quiet harbour'
    expect(passphrase.length).toBeGreaterThanOrEqual(64)
    expect(checkNewPassword(passphrase)).toBeNull()
    expect(checkNewPassword('kX4!'.repeat(4) + 'a'.repeat(PASSWORD_MAX_LENGTH - 16))).toBeNull()
  })

  it('refuses fewer than 8 and more than 256 characters, counting characters, not bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8)
    expect(checkNewPassword('vT9#qLm')).toBe('Use at least 8 characters')
    expect(checkNewPassword('')).toBe('Use at least 8 characters')
    // Seven emoji: 14 UTF-16 units, 28 UTF-8 bytes, but seven characters.
    expect('🌍🚀🌙🛸🪐🌟🌈'.length).toBe(14)
    expect(checkNewPassword('🌍🚀🌙🛸🪐🌟🌈')).toBe('Use at least 8 characters')
    expect(checkNewPassword('日本語のパスワード')).toBeNull()
    expect(checkNewPassword(`${'kX4!'.repeat(64)}z`)).toBe('Use at most 256 characters')
  })

  it('refuses the most common passwords and their usual decorations', () => {
    for (const password of [
      'password',
      'Password1',
      'P@ssw0rd',
      'password123!',
      '12345678',
      '87654321',
      'qwertyuiop',
      '1qaz2wsx',
      'iloveyou',
      'Summer2024!',
      'monkeymonkey',
      'aaaaaaaa',
      'abcabcabc',
      'abcdefgh',
      '!!2024letmein2024!!',
      'Kairo2026',
    ]) {
      expect(checkNewPassword(password), password).toBe(COMMON)
    }
  })

  it('ships a list of several hundred stems, lower case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(400)
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase())
  })

  it('does not refuse a strong password that merely contains a common word', () => {
    expect(checkNewPassword('dragonfly over the fjord')).toBeNull()
    expect(checkNewPassword('monkey-wrench-7-tulip')).toBeNull()
  })

  it("refuses the email address, its local part, and the person's name", () => {
    const context = { email: 'Ada.Lovelace@Example.com', name: 'Ada Lovelace' }
    expect(checkNewPassword('ada.lovelace@example.com', context)).toBe(PERSONAL)
    expect(checkNewPassword('ada.lovelace', context)).toBe(PERSONAL)
    expect(checkNewPassword('my ada.lovelace 1815', context)).toBe(PERSONAL)
    expect(checkNewPassword('AdaLovelace-1815', context)).toBe(PERSONAL)
    expect(checkNewPassword('analytical engine 1843', context)).toBeNull()
    // A short local part forbids only itself, not every password with those letters.
    expect(checkNewPassword('jo-kepler-orbit', { email: 'jo@example.com' })).toBeNull()
  })
})
