import { describe, expect, it } from 'vitest'
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name.ts'
import { FILE_TYPES } from './sniff.ts'

describe('sanitizeFileName', () => {
  it('keeps a good name as it is', () => {
    expect(sanitizeFileName('Brand Book v2.pdf', FILE_TYPES.pdf)).toBe('Brand Book v2.pdf')
    expect(sanitizeFileName('photo.JPEG', FILE_TYPES.jpeg)).toBe('photo.jpeg')
  })

  it('drops every path part, Windows or POSIX', () => {
    expect(sanitizeFileName('../../etc/passwd.pdf', FILE_TYPES.pdf)).toBe('passwd.pdf')
    expect(sanitizeFileName('C:\\Users\\tess\\Desktop\\brief.pdf', FILE_TYPES.pdf)).toBe('brief.pdf')
  })

  it('removes control and direction-override characters, and replaces reserved ones', () => {
    expect(sanitizeFileName('in\u0000voice\r\n.pdf', FILE_TYPES.pdf)).toBe('invoice.pdf')
    // "report‮fdp.exe" shows as "reportexe.pdf" with the override left in.
    expect(sanitizeFileName('report\u202efdp.exe', FILE_TYPES.pdf)).toBe('reportfdp.pdf')
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.txt', FILE_TYPES.text)).toBe('a_b_c_d_e_f_g_h.txt')
  })

  it('makes the extension fit the bytes', () => {
    expect(sanitizeFileName('brief.exe', FILE_TYPES.pdf)).toBe('brief.pdf')
    expect(sanitizeFileName('chair', FILE_TYPES.glb)).toBe('chair.glb')
    expect(sanitizeFileName('Report v1.2 final', FILE_TYPES.pdf)).toBe('Report v1.2 final.pdf')
  })

  it('never leaves a hidden, empty or device name', () => {
    expect(sanitizeFileName('.htaccess', FILE_TYPES.text)).toBe('htaccess.txt')
    expect(sanitizeFileName('   ', FILE_TYPES.pdf)).toBe('file.pdf')
    expect(sanitizeFileName('..pdf', FILE_TYPES.pdf)).toBe('pdf.pdf')
    expect(sanitizeFileName('CON.txt', FILE_TYPES.text)).toBe('CON_.txt')
  })

  it('limits the length without splitting a character', () => {
    const name = sanitizeFileName(`${'😀'.repeat(200)}.png`, FILE_TYPES.png)
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_LENGTH)
    expect(name.endsWith('😀.png')).toBe(true)
  })
})
