import { describe, expect, it } from 'vitest'

import { isWebVtt } from './captions-type.ts'

const text = (value: string) => new TextEncoder().encode(value)

describe('isWebVtt', () => {
  it('accepts the signature alone, with a header text, or after a byte-order mark', () => {
    expect(isWebVtt(text('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'))).toBe(true)
    expect(isWebVtt(text('WEBVTT - English captions\r\n'))).toBe(true)
    expect(isWebVtt(text('\uFEFFWEBVTT'))).toBe(true)
  })

  it('refuses look-alikes and markup', () => {
    expect(isWebVtt(text('WEBVTTX\n'))).toBe(false)
    expect(isWebVtt(text(' WEBVTT\n'))).toBe(false)
    expect(isWebVtt(text('<html>WEBVTT</html>'))).toBe(false)
    expect(isWebVtt(text('1\n00:00:00,000 --> 00:00:01,000\nan SRT file\n'))).toBe(false)
  })
})
