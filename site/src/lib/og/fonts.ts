import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { GlobalFonts } from '@napi-rs/canvas'

// The packages' `.woff` files (Skia reads WOFF, as it reads TTF and OTF), registered under their
// family; Skia takes each face's weight from the file. Latin only: card text is the studio's own copy.
const FILES = [
  { name: 'Space Grotesk', file: '@fontsource/space-grotesk/files/space-grotesk-latin-700-normal.woff' },
  { name: 'Space Grotesk', file: '@fontsource/space-grotesk/files/space-grotesk-latin-600-normal.woff' },
  { name: 'Inter', file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
] as const

let loaded: Promise<{ digest: string }> | undefined

/**
 * Reads the card's fonts from node_modules and registers them with the canvas under their family
 * names, once per process or thread, and answers a digest of their bytes (part of the cache key, so a
 * font upgrade re-renders every card). A font the canvas refuses fails here, not as a fallback face
 * on ten thousand cards.
 */
export function cardFonts(): Promise<{ digest: string }> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url)
    const hash = createHash('sha256')
    for (const { name, file } of FILES) {
      const data = await readFile(require.resolve(file))
      if (!GlobalFonts.register(data, name)) throw new Error(`og card: the canvas could not load ${file}`)
      hash.update(data)
    }
    return { digest: hash.digest('hex') }
  })()
  return loaded
}
