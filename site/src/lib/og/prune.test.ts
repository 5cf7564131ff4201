import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pruneCardCache } from './prune.ts'
import { type CardCache, cardFile, cardImage, openCardCache } from './render.ts'

const card = {
  studio: 'Kairo',
  eyebrow: 'Case study · Orbital Labs · 2026',
  title: 'Orbital Labs launch site',
  summary: 'A launch site for a satellite start-up.',
  host: 'kairo.studio',
}
const about = { ...card, eyebrow: 'About', title: 'About Kairo' }

let cacheDir: string
let cache: CardCache
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kairo-og-prune-'))
  cache = await openCardCache(cacheDir, new URL('./', import.meta.url))
})
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true })
})

const cacheFiles = (...texts: (typeof card)[]) => new Set(texts.map((text) => cardFile(text, cache)))

describe('pruning the Open Graph card cache', () => {
  it('drops the card of an edited title after the next build, and keeps the cards still in use', async () => {
    await cardImage(card, cache)
    await cardImage(about, cache)
    expect(await pruneCardCache(cacheDir, cacheFiles(card, about))).toEqual({ kept: 2, removed: 0 })

    // The editor retitles the case study: the next build renders a new card under a new key.
    const retitled = { ...card, title: 'Orbital Labs, live' }
    expect((await cardImage(retitled, cache)).cached).toBe(false)
    expect(await readdir(cacheDir)).toHaveLength(3)
    expect(await pruneCardCache(cacheDir, cacheFiles(retitled, about))).toEqual({ kept: 2, removed: 1 })

    // What is left is exactly what the build used: both come back from the cache, the old title does not.
    expect(await cardImage(retitled, cache)).toMatchObject({ cached: true })
    expect(await cardImage(about, cache)).toMatchObject({ cached: true })
    expect(await readdir(cacheDir)).toHaveLength(2)
  })

  it("removes a killed build's stale partial file and old PNG cards, and leaves a fresh partial and foreign files alone", async () => {
    const used = join(cacheDir, `${'a'.repeat(32)}.jpg`)
    await writeFile(used, 'card in use')
    await writeFile(join(cacheDir, `${'b'.repeat(32)}.jpg`), 'card of a deleted page')
    await writeFile(join(cacheDir, `${'e'.repeat(32)}.png`), 'a card of the PNG renderer before')
    const stale = `${'c'.repeat(32)}.jpg.4242.tmp`
    const fresh = `${'d'.repeat(32)}.jpg.4343.tmp`
    await writeFile(join(cacheDir, stale), 'half a card')
    await writeFile(join(cacheDir, fresh), 'half a card')
    await writeFile(join(cacheDir, 'notes.txt'), 'not a card')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await utimes(join(cacheDir, stale), twoHoursAgo, twoHoursAgo)

    expect(await pruneCardCache(cacheDir, new Set([used]))).toEqual({ kept: 1, removed: 3 })
    expect((await readdir(cacheDir)).sort()).toEqual([`${'a'.repeat(32)}.jpg`, fresh, 'notes.txt'].sort())
  })

  it('prunes nothing when the build used no cards', async () => {
    await cardImage(card, cache)
    expect(await pruneCardCache(cacheDir, new Set())).toEqual({ kept: 0, removed: 0 })
    expect(await readdir(cacheDir)).toHaveLength(1)
  })

  it('copes with a cache folder that does not exist yet', async () => {
    expect(await pruneCardCache(join(cacheDir, 'nowhere'), cacheFiles(card))).toEqual({ kept: 0, removed: 0 })
  })
})
