import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { publishedImageType, publishedTypeOf } from './image-type.ts'

const image = (format: 'png' | 'jpeg' | 'webp' | 'gif' | 'avif') =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: '#f90' } })
    .toFormat(format)
    .toBuffer()
const text = (value: string) => new TextEncoder().encode(value)

describe('publishedImageType', () => {
  it('names each published format by its bytes', async () => {
    expect(await publishedImageType(await image('png'))).toEqual({ extension: 'png', type: 'image/png' })
    expect(await publishedImageType(await image('jpeg'))).toEqual({ extension: 'jpg', type: 'image/jpeg' })
    expect((await publishedImageType(await image('webp')))?.type).toBe('image/webp')
    expect((await publishedImageType(await image('gif')))?.type).toBe('image/gif')
    expect((await publishedImageType(await image('avif')))?.type).toBe('image/avif')
  })

  it('publishes no HTML, SVG or text, whatever they would be called', async () => {
    expect(await publishedImageType(text('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(
      await publishedImageType(
        text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script></svg>'),
      ),
    ).toBeNull()
    expect(await publishedImageType(text('just text'))).toBeNull()
  })
})

describe('publishedTypeOf', () => {
  it('gives image types only', () => {
    expect(publishedTypeOf('0123456789abcdef.webp')).toBe('image/webp')
    expect(publishedTypeOf('0123456789abcdef.html')).toBeNull()
  })
})
