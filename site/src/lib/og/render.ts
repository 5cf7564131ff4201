import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import { processSlot } from '../process-slot.ts'
import { drawBackdrop, drawText } from './draw.ts'
import { cardFonts } from './fonts.ts'
import { CARD_HEIGHT, CARD_WIDTH, type CardText, cssFont, layoutCard, type MeasureText } from './layout.ts'

/** The cards' cache folder, inside Astro's `cacheDir` (beside the media and models caches). */
export const CARD_CACHE = 'kairo-og/'
/** The cards' format: JPEG, as most link previews are (a PNG of this sky is twice the bytes and time). */
export const CARD_TYPE = { extension: 'jpg', mime: 'image/jpeg', quality: 90 } as const

/** The files whose text shapes a card, beside this one. */
const DESIGN_FILES = ['layout.ts', 'draw.ts', 'render.ts', 'fonts.ts']

/** Where cards are cached, and the digest of the design they are drawn with. */
export interface CardCache {
  dir: string
  design: string
}

const designs = new Map<string, Promise<string>>()

/**
 * The card cache in `dir`, for the design in `ogDir` (this folder, `src/lib/og/`): a digest of the
 * design's source files as written (not as bundled: the Astro build's bundle and the integration that
 * starts the cards early must name the same card alike), the fonts' bytes and the canvas's version.
 * An edit to the layout, a font upgrade or a new Skia re-renders every card, with no version number
 * to remember to bump.
 */
export async function openCardCache(dir: string, ogDir: URL): Promise<CardCache> {
  let design = designs.get(ogDir.href)
  if (!design) {
    design = (async () => {
      const hash = createHash('sha256').update((await cardFonts()).digest)
      for (const file of DESIGN_FILES) hash.update(file).update(await readFile(new URL(file, ogDir)))
      const canvas = createRequire(import.meta.url)('@napi-rs/canvas/package.json') as { version: string }
      return hash.update(canvas.version).digest('hex')
    })()
    designs.set(ogDir.href, design)
  }
  return { dir, design: await design }
}

/** The cache key of a card: its text, the design and the format. */
export function cardKey(text: CardText, design: string): string {
  return createHash('sha256')
    .update(JSON.stringify([text, design, CARD_TYPE]))
    .digest('hex')
    .slice(0, 32)
}

let surface: Promise<{ canvas: Canvas; ctx: SKRSContext2D; backdrop: Canvas }> | undefined

/**
 * This process's or thread's canvas and the backdrop, drawn once beside it after the fonts are
 * loaded. One canvas serves every card: a new one per card doubled a card's cost (Skia's surface and
 * glyph cache made again each time).
 */
function cardSurface() {
  surface ??= cardFonts().then(() => {
    const backdrop = createCanvas(CARD_WIDTH, CARD_HEIGHT)
    drawBackdrop(backdrop.getContext('2d'))
    const canvas = createCanvas(CARD_WIDTH, CARD_HEIGHT)
    return { canvas, ctx: canvas.getContext('2d'), backdrop }
  })
  return surface
}

/**
 * Renders a card as JPEG: the backdrop copied, the text laid out (layout.ts) and drawn over it with
 * Skia (@napi-rs/canvas), then encoded. Measured on the 2-core machine: about 10 ms a card, where
 * satori's SVG rasterised by librsvg over a cached backdrop took about 40 ms (180 ms drawn whole).
 */
export async function renderCard(text: CardText): Promise<Buffer> {
  const { canvas, ctx, backdrop } = await cardSurface()
  // From here to the encode nothing awaits, so two cards never share the canvas at once.
  const measure: MeasureText = (line, font) => {
    ctx.font = cssFont(font)
    ctx.letterSpacing = `${font.letterSpacing}px`
    return ctx.measureText(line).width
  }
  const { lines, marks } = layoutCard(text, measure)
  ctx.drawImage(backdrop, 0, 0)
  drawText(ctx, lines, marks)
  // Synchronous: in a card thread the encode is the thread's work anyway, and the async encode's hop
  // to libuv's pool cost about 3 ms a card more.
  return canvas.encodeSync('jpeg', CARD_TYPE.quality)
}

/** Where the card for `text` is cached: `<cache dir>/<key>.jpg`. */
export function cardFile(text: CardText, cache: CardCache): string {
  return join(cache.dir, `${cardKey(text, cache.design)}.${CARD_TYPE.extension}`)
}

/** Stores a rendered card in the cache under a temporary name, then renames it: a build killed mid-write leaves no torn file. */
export async function storeCard(file: string, image: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.${threadId}.tmp`
  await writeFile(partial, image)
  await rename(partial, file)
}

const inFlight = processSlot<Map<string, Promise<void>>>('kairo.og.cardsInFlight')

/**
 * Cards being rendered ahead in worker threads (render-ahead.ts), by cache file. One map per process
 * (src/lib/process-slot.ts): the integration that starts the cards early and the card route in
 * Astro's bundle load this module apart, and each must see the other's cards.
 */
export const cardsInFlight = inFlight.get() ?? inFlight.set(new Map())

/**
 * The card's image bytes, from `<cache dir>/<key>.jpg` when an earlier build rendered the same inputs
 * (a page whose text did not change costs one file read), or when a worker thread has just rendered
 * it there (render-ahead.ts), else rendered here and stored there.
 */
export async function cardImage(
  text: CardText,
  cache: CardCache,
): Promise<{ image: Buffer; cached: boolean }> {
  const file = cardFile(text, cache)
  // A failed render ahead is done again below, in this thread.
  const ahead = await cardsInFlight.get(file)?.then(
    () => true,
    () => false,
  )
  try {
    return { image: await readFile(file), cached: ahead !== true }
  } catch {
    // Not rendered yet.
  }
  const image = await renderCard(text)
  await storeCard(file, image)
  return { image, cached: false }
}
