import { describe, expect, it } from 'vitest'
import { digestOf } from './digest.ts'

describe('cache key digests', () => {
  it('ignore the order of an object’s keys, at any depth', () => {
    const sizes = {
      original: { src: '/media/a.png' },
      og: { src: '/media/b.jpg' },
      card: { src: '/media/c.webp' },
    }
    const reordered = { card: sizes.card, original: sizes.original, og: sizes.og }
    expect(digestOf(['layout', { variants: reordered }])).toBe(digestOf(['layout', { variants: sizes }]))
  })

  it('change with any value, and with the order of a list', () => {
    const base = digestOf({ title: 'Orbital Labs', services: ['web', '3d'] })
    expect(digestOf({ title: 'Orbital Labs.', services: ['web', '3d'] })).not.toBe(base)
    expect(digestOf({ title: 'Orbital Labs', services: ['3d', 'web'] })).not.toBe(base)
  })
})
