import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import satori from 'satori'
import sharp from 'sharp'
import { cardFonts } from './fonts.ts'
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  type CardNode,
  type CardText,
  cardBackdrop,
  cardTextLayer,
} from './layout.ts'

/** The cards' cache folder, inside Astro's `cacheDir` (beside the media and models caches). */
export const CARD_CACHE = 'kairo-og/'

/**
 * The cache key of a card: its text, the fonts' bytes and the layout's own source (bundled or not),
 * so an edit to the layout re-renders every card without a version number to remember to bump.
 */
export function cardKey(text: CardText, fontDigest: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        text,
        fontDigest,
        cardBackdrop.toString(),
        cardTextLayer.toString(),
        renderCard.toString(),
        CARD_WIDTH,
        CARD_HEIGHT,
      ]),
    )
    .digest('hex')
    .slice(0, 32)
}

/** satori's SVG for a card tree (it types its input as a React node; the layout builds the same shape). */
async function cardSvg(tree: CardNode): Promise<Buffer> {
  const { fonts } = await cardFonts()
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  })
  return Buffer.from(svg)
}

const RAW = { raw: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 4 as const } }
let backdrop: Promise<Buffer> | undefined

/** The backdrop's pixels (RGBA), rasterised once per process or thread (about 0.2-0.4 s). */
function backdropPixels(): Promise<Buffer> {
  backdrop ??= cardSvg(cardBackdrop()).then((svg) => sharp(svg).ensureAlpha().raw().toBuffer())
  return backdrop
}

/**
 * Renders a card: its text layer laid out by satori (SVG), rasterised by sharp over the backdrop's
 * pixels, encoded as PNG. Measured on the 2-core machine: about 40 ms a card, where laying out and
 * rasterising the whole card each time took about 180 ms, four fifths of it the backdrop's gradients.
 * The result matches a one-pass render of `cardLayout` to within rounding (render.test.ts).
 */
export async function renderCard(text: CardText): Promise<Buffer> {
  const [pixels, layer] = await Promise.all([backdropPixels(), cardSvg(cardTextLayer(text))])
  return sharp(pixels, RAW)
    .composite([{ input: layer }])
    .png()
    .toBuffer()
}

/** Where the card for `text` is cached: `cacheDir/<key>.png`. */
export async function cardFile(text: CardText, cacheDir: string): Promise<string> {
  const { digest } = await cardFonts()
  return join(cacheDir, `${cardKey(text, digest)}.png`)
}

/** Stores a rendered card in the cache under a temporary name, then renames it: a build killed mid-write leaves no torn file. */
export async function storeCard(file: string, png: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.${threadId}.tmp`
  await writeFile(partial, png)
  await rename(partial, file)
}

/** Cards being rendered ahead in worker threads (render-ahead.ts), by cache file. */
export const cardsInFlight = new Map<string, Promise<void>>()

/**
 * The card as PNG bytes, from `cacheDir/<key>.png` when an earlier build rendered the same inputs
 * (a page whose text did not change costs one file read), or when a worker thread has just rendered
 * it there (render-ahead.ts), else rendered here and stored there.
 */
export async function cardPng(text: CardText, cacheDir: string): Promise<{ png: Buffer; cached: boolean }> {
  const file = await cardFile(text, cacheDir)
  // A failed render ahead is done again below, in this thread.
  const ahead = await cardsInFlight.get(file)?.then(
    () => true,
    () => false,
  )
  try {
    return { png: await readFile(file), cached: ahead !== true }
  } catch {
    // Not rendered yet.
  }
  const png = await renderCard(text)
  await storeCard(file, png)
  return { png, cached: false }
}
