import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PADDING, TEXT_WIDTH } from './layout.ts'
import { type CardCache, cardImage, cardKey, openCardCache, renderCard } from './render.ts'

const card = {
  studio: 'Kairo',
  eyebrow: 'Case study · Orbital Labs · 2026',
  title: 'Orbital Labs launch site',
  summary: 'A launch site for a satellite start-up, with a live 3D model of their first craft.',
  host: 'kairo.studio',
}
const blankCard = { ...card, eyebrow: '', title: '', summary: '' }

let cacheDir: string
let cache: CardCache
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kairo-og-'))
  cache = await openCardCache(cacheDir, new URL('./', import.meta.url))
})
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true })
})

const pixels = async (image: Buffer) => {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, channels: info.channels }
}

/** Pixels (as `[x, y]`) where two cards differ by more than JPEG's noise, in columns `from`..`to`. */
async function differing(a: Buffer, b: Buffer, from = 0, to = Number.POSITIVE_INFINITY) {
  const [one, two] = await Promise.all([pixels(a), pixels(b)])
  const found: Array<[number, number]> = []
  for (let i = 0; i < one.data.length; i += one.channels) {
    const x = (i / one.channels) % one.width
    if (x < from || x >= to) continue
    const delta = Math.max(
      Math.abs((one.data[i] as number) - (two.data[i] as number)),
      Math.abs((one.data[i + 1] as number) - (two.data[i + 1] as number)),
      Math.abs((one.data[i + 2] as number) - (two.data[i + 2] as number)),
    )
    if (delta > 24) found.push([x, Math.floor(i / one.channels / one.width)])
  }
  return found
}

describe('Open Graph cards', () => {
  it('renders a 1200×630 JPEG and stores it under a key of its inputs', async () => {
    const first = await cardImage(card, cache)
    expect(first.cached).toBe(false)
    const meta = await sharp(first.image).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630])
    expect(await readdir(cacheDir)).toEqual([`${cardKey(card, cache.design)}.jpg`])
  })

  it('draws the text in its column over the backdrop, and nothing right of it', async () => {
    const [drawn, blank] = await Promise.all([renderCard(card), renderCard(blankCard)])
    const text = await differing(drawn, blank)
    // The title, eyebrow and summary are tens of thousands of pixels, all inside the text column.
    expect(text.length).toBeGreaterThan(15_000)
    expect(Math.min(...text.map(([x]) => x))).toBeGreaterThanOrEqual(PADDING.left - 2)
    expect(Math.max(...text.map(([x]) => x))).toBeLessThanOrEqual(PADDING.left + TEXT_WIDTH + 8)
  })

  it('keeps a title of one endless word inside its column, broken across lines', async () => {
    const word = 'Hyperconnectedorbitalplatformengineeringforsatelliteconstellationsandgroundstations'
    const [drawn, blank] = await Promise.all([renderCard({ ...card, title: word }), renderCard(blankCard)])
    expect(await differing(drawn, blank, PADDING.left + TEXT_WIDTH + 16)).toEqual([])
    const rows = new Set((await differing(drawn, blank)).map(([, y]) => Math.floor(y / 40)))
    expect(rows.size).toBeGreaterThan(4)
  })

  it('serves an unchanged card from the cache without rendering it again', async () => {
    // A cache entry that rendering could never produce: getting these bytes back proves no render ran.
    const marker = Buffer.from('cached card')
    await writeFile(join(cacheDir, `${cardKey(card, cache.design)}.jpg`), marker)
    const hit = await cardImage(card, cache)
    expect(hit).toEqual({ image: marker, cached: true })
  })

  it('renders again when any text changes', async () => {
    const key = cardKey(card, cache.design)
    expect(cardKey({ ...card, title: 'Nebula Coffee' }, cache.design)).not.toBe(key)
    expect(cardKey({ ...card, host: 'example.com' }, cache.design)).not.toBe(key)
  })

  it('renders every card again when the design changes: its source, fonts or canvas', async () => {
    const ogDir = new URL('./', import.meta.url)
    const copies = [
      await mkdtemp(join(tmpdir(), 'kairo-og-same-')),
      await mkdtemp(join(tmpdir(), 'kairo-og-edit-')),
    ]
    try {
      for (const copy of copies)
        for (const file of ['layout.ts', 'draw.ts', 'render.ts', 'fonts.ts'])
          await writeFile(join(copy, file), await readFile(new URL(file, ogDir)))
      await appendFile(join(copies[1] as string, 'draw.ts'), '\n// the ring a little wider\n')
      const [same, edited] = await Promise.all(
        copies.map((copy) => openCardCache(cacheDir, pathToFileURL(`${copy}/`))),
      )
      expect(same?.design).toBe(cache.design)
      expect(edited?.design).not.toBe(cache.design)
    } finally {
      for (const copy of copies) await rm(copy, { recursive: true, force: true })
    }
  })
})
