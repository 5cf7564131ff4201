import { describe, expect, it } from 'vitest'
import { previewFrameAncestors } from './frame-ancestors.ts'

describe('previewFrameAncestors', () => {
  it('lets only the CMS frame a draft', () => {
    expect(previewFrameAncestors('https://cms.studio.example')).toBe('https://cms.studio.example')
    expect(previewFrameAncestors('https://cms.studio.example:8443/base')).toBe(
      'https://cms.studio.example:8443',
    )
  })

  it('allows every loopback name of a local CMS, as a browser tells them apart', () => {
    expect(previewFrameAncestors('http://localhost:3000')).toBe(
      'http://localhost:3000 http://127.0.0.1:3000 http://[::1]:3000',
    )
    expect(previewFrameAncestors('http://127.0.0.1')).toBe('http://localhost http://127.0.0.1 http://[::1]')
  })
})
