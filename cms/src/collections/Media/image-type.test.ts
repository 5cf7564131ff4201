import { describe, expect, it } from 'vitest'

import { looksLikeMarkup, sniffImageType } from './image-type.ts'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  )

describe('sniffImageType', () => {
  it('recognises each accepted format by its signature', () => {
    expect(sniffImageType(bytes([0x89], 'PNG\r\n\x1a\n', 'rest'))).toBe('image/png')
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF\0\0\0\0'))).toBe('image/jpeg')
    expect(sniffImageType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp')
    expect(sniffImageType(bytes('GIF89a', [0, 0, 0, 0, 0, 0]))).toBe('image/gif')
    expect(sniffImageType(bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0]))).toBe('image/avif')
  })

  it('refuses markup and text whatever the file is called', () => {
    expect(sniffImageType(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull()
    expect(sniffImageType(bytes('PNG but not really'))).toBeNull()
  })
})

describe('looksLikeMarkup', () => {
  it('spots HTML and SVG, also after a byte-order mark and whitespace', () => {
    expect(looksLikeMarkup(bytes('\uFEFF  \n<html>'))).toBe(true)
    expect(looksLikeMarkup(bytes('<?xml version="1.0"?><svg/>'))).toBe(true)
    expect(looksLikeMarkup(bytes([0x89], 'PNG\r\n\x1a\n'))).toBe(false)
  })
})
