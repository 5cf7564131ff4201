/**
 * The name a file is stored under: the uploader's base name with the extension of the type its bytes
 * show (`x.html` holding a PNG becomes `x.png`), so neither the key in the bucket nor the URL that
 * serves it can claim another type. A name without a usable base becomes `file.<ext>`.
 */
export function nameByType(name: string, extension: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/\.[^.]*$/, '').trim()
  return `${base || 'file'}.${extension}`
}
