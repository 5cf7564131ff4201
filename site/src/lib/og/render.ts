import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import satori from 'satori'
import sharp from 'sharp'
import { cardFonts } from './fonts.ts'
import { CARD_HEIGHT, CARD_WIDTH, type CardText, cardLayout } from './layout.ts'

/** The cards' cache folder, inside Astro's `cacheDir` (beside the media and models caches). */
export const CARD_CACHE = 'kairo-og/'

/**
 * The cache key of a card: its text, the fonts' bytes and the layout's own source (bundled or not),
 * so an edit to the layout re-renders every card without a version number to remember to bump.
 */
export function cardKey(text: CardText, fontDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify([text, fontDigest, cardLayout.toString(), CARD_WIDTH, CARD_HEIGHT]))
    .digest('hex')
    .slice(0, 32)
}

/** Lays out the card with satori (SVG) and rasterises it with sharp. About 0.1-0.3 s a card. */
async function renderCard(text: CardText): Promise<Buffer> {
  const { fonts } = await cardFonts()
  // satori types its input as a React node; the layout builds the same `{ type, props }` shape.
  const svg = await satori(cardLayout(text) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  })
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/**
 * The card as PNG bytes, from `cacheDir/<key>.png` when an earlier build rendered the same inputs
 * (a page whose text did not change costs one file read), else rendered and stored there.
 */
export async function cardPng(text: CardText, cacheDir: string): Promise<{ png: Buffer; cached: boolean }> {
  const { digest } = await cardFonts()
  const file = join(cacheDir, `${cardKey(text, digest)}.png`)
  try {
    return { png: await readFile(file), cached: true }
  } catch {
    // Not rendered yet.
  }
  const png = await renderCard(text)
  await mkdir(cacheDir, { recursive: true })
  // Written under a temporary name and renamed, so a build killed mid-write leaves no torn file.
  const partial = `${file}.${process.pid}.tmp`
  await writeFile(partial, png)
  await rename(partial, file)
  return { png, cached: false }
}
