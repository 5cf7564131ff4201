import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'

/** A font as satori takes it. */
export interface CardFont {
  name: string
  data: Buffer
  weight: 400 | 600 | 700
  style: 'normal'
}

// satori reads TTF, OTF and WOFF but not WOFF2, so the packages' `.woff` files are used. Latin only:
// card text is the studio's own copy.
const FILES = [
  {
    name: 'Space Grotesk',
    weight: 700,
    file: '@fontsource/space-grotesk/files/space-grotesk-latin-700-normal.woff',
  },
  {
    name: 'Space Grotesk',
    weight: 600,
    file: '@fontsource/space-grotesk/files/space-grotesk-latin-600-normal.woff',
  },
  { name: 'Inter', weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
] as const

let loaded: Promise<{ fonts: CardFont[]; digest: string }> | undefined

/**
 * The card's fonts, read from node_modules once per process, and a digest of their bytes (part of the
 * cache key, so a font upgrade re-renders every card).
 */
export function cardFonts(): Promise<{ fonts: CardFont[]; digest: string }> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url)
    const fonts = await Promise.all(
      FILES.map(async ({ name, weight, file }) => ({
        name,
        weight,
        style: 'normal' as const,
        data: await readFile(require.resolve(file)),
      })),
    )
    const hash = createHash('sha256')
    for (const font of fonts) hash.update(font.data)
    return { fonts, digest: hash.digest('hex') }
  })()
  return loaded
}
