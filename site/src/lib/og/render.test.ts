import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cardFonts } from './fonts.ts'
import { clip } from './layout.ts'
import { cardKey, cardPng } from './render.ts'

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
