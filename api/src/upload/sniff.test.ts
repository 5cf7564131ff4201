import { describe, expect, it } from 'vitest'
import { FILE_TYPES, sniffType } from './sniff.ts'

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? Array.from(new TextEncoder().encode(part)) : part)),
  )

describe('sniffType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n'), FILE_TYPES.pdf],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), FILE_TYPES.png],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), FILE_TYPES.jpeg],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0]), FILE_TYPES.gif],
    ['a WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), FILE_TYPES.webp],
    ['a ZIP', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]), FILE_TYPES.zip],
    ['a GLB', bytes('glTF', [2, 0, 0, 0, 0x40, 0, 0, 0]), FILE_TYPES.glb],
    ['an MP4', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]), FILE_TYPES.mp4],
    ['a QuickTime movie', bytes([0, 0, 0, 0x14], 'ftypqt  '), FILE_TYPES.mov],
    [
      'a WebM',
      bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1], '\u0042\u0082\u0084webm'),
      FILE_TYPES.webm,
    ],
    [
      'a glTF',
      bytes('{\n  "asset": { "version": "2.0", "generator": "Blender" },\n  "scenes": []\n}'),
      FILE_TYPES.gltf,
    ],
    ['UTF-8 text with a BOM', bytes([0xef, 0xbb, 0xbf], 'Notes — café\r\n'), FILE_TYPES.text],
  ])('knows %s by its bytes, whatever the name', (_, head, type) => {
    expect(sniffType(head, 'whatever.bin', true)).toBe(type)
  })

  it('tells CSV from text only by the name (no bytes can)', () => {
    expect(sniffType(bytes('name,email\nAda,ada@example.com\n'), 'list.CSV', true)).toBe(FILE_TYPES.csv)
    expect(sniffType(bytes('name,email\n'), 'list.txt', true)).toBe(FILE_TYPES.text)
  })

  it.each([
    ['HTML named .pdf', bytes('<!DOCTYPE html><html><script>alert(1)</script>'), 'brief.pdf'],
    ['HTML after whitespace', bytes('\n\n  <html>'), 'notes.txt'],
    ['an SVG', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg'],
    ['an executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0]), 'setup.pdf'],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1]), 'tool.zip'],
    ['a HEIC image', bytes([0, 0, 0, 0x18], 'ftypheic'), 'photo.mp4'],
    ['a GLB of version 1', bytes('glTF', [1, 0, 0, 0]), 'old.glb'],
    ['invalid UTF-8', bytes([0x61, 0xff, 0xfe, 0x62]), 'a.txt'],
    ['nothing', bytes(), 'empty.txt'],
  ])('refuses %s', (_, head, name) => {
    expect(sniffType(head, name, true)).toBeNull()
  })

  it('accepts text whose head ends inside a character, unless the file ends there too', () => {
    const cut = bytes('caf', [0xc3])
    expect(sniffType(cut, 'a.txt', false)).toBe(FILE_TYPES.text)
    expect(sniffType(cut, 'a.txt', true)).toBeNull()
  })
})
