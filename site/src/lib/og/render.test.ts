import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import satori from 'satori'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cardFonts } from './fonts.ts'
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, clip } from './layout.ts'
import { cardKey, cardPng, renderCard } from './render.ts'

const card = {
  studio: 'Kairo',
  eyebrow: 'Case study · Orbital Labs · 2026',
  title: 'Orbital Labs launch site',
  summary: 'A launch site for a satellite start-up, with a live 3D model of their first craft.',
  host: 'kairo.studio',
}

let cacheDir: string
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kairo-og-'))
})
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true })
})

describe('Open Graph cards', () => {
  it('renders a 1200×630 PNG and stores it under a key of its inputs', async () => {
    const first = await cardPng(card, cacheDir)
    expect(first.cached).toBe(false)
    const meta = await sharp(first.png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    const { digest } = await cardFonts()
    expect(await readdir(cacheDir)).toEqual([`${cardKey(card, digest)}.png`])
  })

  it('draws the text over the backdrop as a one-pass render of the whole card does', async () => {
    const { fonts } = await cardFonts()
    const tree = cardLayout(card) as unknown as Parameters<typeof satori>[0]
    const svg = await satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts })
    const [onePass, layered] = await Promise.all([
      sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer(),
      sharp(await renderCard(card))
        .ensureAlpha()
        .raw()
        .toBuffer(),
    ])
    expect(layered.length).toBe(onePass.length)
    // Compositing rounds once more than drawing in one pass: a channel may differ by a few levels.
    let worst = 0
    for (let i = 0; i < onePass.length; i++) {
      worst = Math.max(worst, Math.abs((onePass[i] as number) - (layered[i] as number)))
    }
    expect(worst).toBeLessThanOrEqual(4)
    // And the text is really drawn: without it, tens of thousands of channels differ by far more.
    const blank = await sharp(await renderCard({ ...card, title: '', summary: '', eyebrow: '' }))
      .ensureAlpha()
      .raw()
      .toBuffer()
    let textChannels = 0
    for (let i = 0; i < onePass.length; i++) {
      if (Math.abs((onePass[i] as number) - (blank[i] as number)) > 32) textChannels++
    }
    expect(textChannels).toBeGreaterThan(20_000)
  })

  it('serves an unchanged card from the cache without rendering it again', async () => {
    const { digest } = await cardFonts()
    // A cache entry that rendering could never produce: getting these bytes back proves no render ran.
    const marker = Buffer.from('cached card')
    await writeFile(join(cacheDir, `${cardKey(card, digest)}.png`), marker)
    const hit = await cardPng(card, cacheDir)
    expect(hit).toEqual({ png: marker, cached: true })
  })

  it('renders again when any text changes', async () => {
    const { digest } = await cardFonts()
    expect(cardKey({ ...card, title: 'Nebula Coffee' }, digest)).not.toBe(cardKey(card, digest))
    expect(cardKey({ ...card, host: 'example.com' }, digest)).not.toBe(cardKey(card, digest))
  })

  it('clips long text at a word with an ellipsis', () => {
    expect(clip('short title', 20)).toBe('short title')
    expect(clip('a title that is far too long for the card', 24)).toBe('a title that is far too…')
  })
})
