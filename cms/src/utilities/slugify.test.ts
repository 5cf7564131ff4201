import { describe, expect, it } from 'vitest'

import { slugify, validateSlug } from './slugify.ts'

describe('slugify', () => {
  it('turns a title with accents and punctuation into lowercase kebab-case', () => {
    expect(slugify('Orbit — Café 2!')).toBe('orbit-cafe-2')
    expect(slugify('  Planetarium: The Solar System  ')).toBe('planetarium-the-solar-system')
  })

  it('produces only valid slugs', () => {
    expect(validateSlug(slugify('A launch campaign for Nova-Sat'))).toBe(true)
  })
})

describe('validateSlug', () => {
  it('refuses uppercase, spaces, double or edge hyphens and empty values', () => {
    for (const bad of ['Solar', 'solar system', 'solar--system', '-solar', 'solar-', '']) {
      expect(validateSlug(bad)).toMatch(/slug|lowercase/i)
    }
  })
})
