import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pruneCardCache } from './prune.ts'
import { cardPng } from './render.ts'

const card = {
  studio: 'Kairo',
  eyebrow: 'Case study · Orbital Labs · 2026',
  title: 'Orbital Labs launch site',
  summary: 'A launch site for a satellite start-up.',
  host: 'kairo.studio',
}

let work: string
let cacheDir: string
let ogDir: string
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'kairo-og-prune-'))
  cacheDir = join(work, 'cache', 'kairo-og')
  ogDir = join(work, 'dist', 'og')
  await mkdir(cacheDir, { recursive: true })
})
afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

/** What a build writes: each card's bytes at its page path under `og/`. */
async function build(cards: Record<string, Buffer>) {
  await rm(ogDir, { recursive: true, force: true })
  for (const [path, png] of Object.entries(cards)) {
    await mkdir(join(ogDir, path, '..'), { recursive: true })
    await writeFile(join(ogDir, path), png)
  }
}

describe('pruning the Open Graph card cache', () => {
  it('drops the card of an edited title after the next build, and keeps the cards still in use', async () => {
    const work1 = await cardPng(card, cacheDir)
    const about = await cardPng({ ...card, eyebrow: 'About', title: 'About Kairo' }, cacheDir)
    await build({ 'work/orbital-labs.png': work1.png, 'about.png': about.png })
    expect(await pruneCardCache(cacheDir, ogDir)).toEqual({ kept: 2, removed: 0 })

    // The editor retitles the case study: the next build renders a new card under a new key.
    const retitled = await cardPng({ ...card, title: 'Orbital Labs, live' }, cacheDir)
    expect(retitled.cached).toBe(false)
    expect(await readdir(cacheDir)).toHaveLength(3)
    await build({ 'work/orbital-labs.png': retitled.png, 'about.png': about.png })
    expect(await pruneCardCache(cacheDir, ogDir)).toEqual({ kept: 2, removed: 1 })

    // What is left is exactly what the build used: both come back from the cache, the old title does not.
    expect(await cardPng({ ...card, title: 'Orbital Labs, live' }, cacheDir)).toMatchObject({ cached: true })
    expect(await cardPng({ ...card, eyebrow: 'About', title: 'About Kairo' }, cacheDir)).toMatchObject({
      cached: true,
    })
    expect(await readdir(cacheDir)).toHaveLength(2)
  })

  it("removes a killed build's stale partial file, and leaves a fresh one and foreign files alone", async () => {
    const used = Buffer.from('card in use')
    await writeFile(join(cacheDir, `${'a'.repeat(32)}.png`), used)
    await writeFile(join(cacheDir, `${'b'.repeat(32)}.png`), Buffer.from('card of a deleted page'))
    const stale = `${'c'.repeat(32)}.png.4242.tmp`
    const fresh = `${'d'.repeat(32)}.png.4343.tmp`
    await writeFile(join(cacheDir, stale), 'half a card')
    await writeFile(join(cacheDir, fresh), 'half a card')
    await writeFile(join(cacheDir, 'notes.txt'), 'not a card')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await utimes(join(cacheDir, stale), twoHoursAgo, twoHoursAgo)
    await build({ 'work.png': used })

    expect(await pruneCardCache(cacheDir, ogDir)).toEqual({ kept: 1, removed: 2 })
    expect((await readdir(cacheDir)).sort()).toEqual([`${'a'.repeat(32)}.png`, fresh, 'notes.txt'].sort())
  })

  it('prunes nothing when the build wrote no cards', async () => {
    await writeFile(join(cacheDir, `${'a'.repeat(32)}.png`), 'a card')
    expect(await pruneCardCache(cacheDir, ogDir)).toEqual({ kept: 0, removed: 0 })
    await build({})
    expect(await pruneCardCache(cacheDir, ogDir)).toEqual({ kept: 0, removed: 0 })
    expect(await readdir(cacheDir)).toHaveLength(1)
  })

  it('copes with a cache folder that does not exist yet', async () => {
    await build({ 'work.png': Buffer.from('a card') })
    expect(await pruneCardCache(join(work, 'nowhere'), ogDir)).toEqual({ kept: 0, removed: 0 })
  })
})
