import { describe, expect, it } from 'vitest'

import { canonicalLanguageTag } from './language-tag.ts'

describe('canonicalLanguageTag', () => {
  it('accepts BCP 47 tags in their canonical case', () => {
    expect(canonicalLanguageTag('en')).toBe('en')
    expect(canonicalLanguageTag('EN-us')).toBe('en-US')
    expect(canonicalLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW')
  })

  it('refuses what is not a tag', () => {
    for (const value of ['', 'english please', 'en_US', 'e', 42, null])
      expect(canonicalLanguageTag(value)).toBeNull()
  })
})
