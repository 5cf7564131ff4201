import { describe, expect, it } from 'vitest'

import { validateLinkUrl } from './link.ts'

describe('validateLinkUrl', () => {
  it('accepts web, mail and site-relative links', () => {
    for (const url of [
      'https://kairo.studio/work',
      'http://example.com',
      'mailto:hello@kairo.studio',
      '/contact',
    ]) {
      expect(validateLinkUrl(url)).toBe(true)
    }
  })

  it('refuses script, data and protocol-relative links', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example',
      'contact',
    ]) {
      expect(validateLinkUrl(url)).toMatch(/https/)
    }
  })
})
