import { describe, expect, it } from 'vitest'
import { jsonLd } from './json-ld.ts'

describe('jsonLd', () => {
  it('cannot be closed by CMS text and still parses to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & <!--' }
    const out = jsonLd(value)
    expect(out).not.toMatch(/[<>&]/)
    expect(JSON.parse(out)).toEqual(value)
  })
})
