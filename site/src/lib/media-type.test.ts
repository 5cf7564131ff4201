import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { publishedMediaType, publishedMediaTypeOf } from './media-type.ts'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)),
  )
const ebml = (docType: string) =>
  bytes(
    [0x1a, 0x45, 0xdf, 0xa3, 0x80 | (4 + 3 + docType.length)],
    [0x42, 0x86, 0x81, 1],
    [0x42, 0x82, 0x80 | docType.length],
    docType,
  )

describe('publishedMediaType', () => {
  it('names images, videos and captions by their bytes', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f90' } })
      .png()
      .toBuffer()
    expect(await publishedMediaType(png)).toEqual({ kind: 'image', extension: 'png', type: 'image/png' })
    expect(await publishedMediaType(bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0]))).toMatchObject({
      kind: 'video',
      extension: 'mp4',
    })
    expect(await publishedMediaType(ebml('webm'))).toMatchObject({ kind: 'video', type: 'video/webm' })
    expect(await publishedMediaType(bytes('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'))).toMatchObject({
      kind: 'captions',
      type: 'text/vtt',
    })
  })

  it('publishes nothing else: markup, Matroska, QuickTime, look-alike text', async () => {
    expect(await publishedMediaType(bytes('<!doctype html><video>'))).toBeNull()
    expect(await publishedMediaType(ebml('matroska'))).toBeNull()
    expect(await publishedMediaType(bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0]))).toBeNull()
    expect(await publishedMediaType(bytes('WEBVTTX'))).toBeNull()
  })
})

describe('publishedMediaTypeOf', () => {
  it('types a published name by its extension', () => {
    expect(publishedMediaTypeOf('0123456789abcdef.webm')).toBe('video/webm')
    expect(publishedMediaTypeOf('0123456789abcdef.mp4')).toBe('video/mp4')
    expect(publishedMediaTypeOf('0123456789abcdef.vtt')).toBe('text/vtt')
    expect(publishedMediaTypeOf('0123456789abcdef.webp')).toBe('image/webp')
    expect(publishedMediaTypeOf('0123456789abcdef.html')).toBeNull()
  })
})
