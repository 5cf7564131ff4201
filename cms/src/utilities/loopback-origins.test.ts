import { describe, expect, it } from 'vitest'

import { adminOrigins } from './loopback-origins.ts'

describe('adminOrigins', () => {
  it('accepts a local admin under every loopback name, on its own port', () => {
    expect(adminOrigins('http://localhost:3000')).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ])
  })

  it('keeps a public CMS to its one origin', () => {
    expect(adminOrigins('https://cms.studio.example/')).toEqual(['https://cms.studio.example'])
  })
})
