import { describe, expect, it } from 'vitest'

import { validateRedirectFrom } from './index.ts'

describe('validateRedirectFrom', () => {
  it('accepts paths of this site', () => {
    expect(validateRedirectFrom('/work/old-name')).toBe(true)
    expect(validateRedirectFrom('/')).toBe(true)
  })

  it('refuses full URLs, protocol-relative URLs, queries and spaces', () => {
    for (const bad of [
      'https://kairo.studio/work',
      '//evil.example/x',
      '/work?x=1',
      '/old name',
      'work/old',
      '',
    ]) {
      expect(validateRedirectFrom(bad)).toMatch(/starting with "\/"/)
    }
  })
})
