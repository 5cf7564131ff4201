import { describe, expect, it } from 'vitest'

import { nameByType } from './file-name.ts'

describe('nameByType', () => {
  it('replaces whatever extension the uploader gave with the one the bytes show', () => {
    expect(nameByType('x.html', 'png')).toBe('x.png')
    expect(nameByType('photo.PNG', 'jpg')).toBe('photo.jpg')
    expect(nameByType('archive.tar.gz', 'webp')).toBe('archive.tar.webp')
    expect(nameByType('no-extension', 'gif')).toBe('no-extension.gif')
  })

  it('keeps no folder and never leaves an empty base name', () => {
    expect(nameByType('../../etc/passwd.svg', 'png')).toBe('passwd.png')
    expect(nameByType('.htaccess', 'png')).toBe('file.png')
  })
})
