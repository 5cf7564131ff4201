import { describe, expect, it } from 'vitest'

import { ebmlDocType, sniffVideoType } from './video-type.ts'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  )

/** An EBML header holding EBMLVersion 1 and the given DocType. */
const ebml = (docType: string) =>
  bytes(
    [0x1a, 0x45, 0xdf, 0xa3, 0x80 | (4 + 3 + docType.length)],
    [0x42, 0x86, 0x81, 1],
    [0x42, 0x82, 0x80 | docType.length],
    docType,
  )

describe('sniffVideoType', () => {
  it('recognises MP4 by its ftyp box and brand, and WebM by its DocType', () => {
    expect(sniffVideoType(bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0]))).toBe('video/mp4')
    expect(sniffVideoType(bytes([0, 0, 0, 24], 'ftypmp42', [0, 0, 0, 0]))).toBe('video/mp4')
    expect(sniffVideoType(ebml('webm'))).toBe('video/webm')
  })

  it('refuses images sharing the ftyp box, Matroska, QuickTime and markup', () => {
    expect(sniffVideoType(bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0]))).toBeNull()
    expect(sniffVideoType(bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0]))).toBeNull()
    expect(sniffVideoType(ebml('matroska'))).toBeNull()
    expect(sniffVideoType(bytes('<!doctype html><video>'))).toBeNull()
  })
})

describe('ebmlDocType', () => {
  it('reads the DocType after other header elements, and gives up on cut or foreign bytes', () => {
    expect(ebmlDocType(ebml('webm'))).toBe('webm')
    expect(ebmlDocType(ebml('webm').subarray(0, 10))).toBeNull()
    expect(ebmlDocType(bytes('RIFF1234WEBP'))).toBeNull()
  })
})
