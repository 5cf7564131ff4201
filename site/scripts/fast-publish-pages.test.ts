import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkPages, writePages } from './fast-publish-pages.ts'

let dir: string
const dist = () => join(dir, 'dist')
const staging = () => join(dir, 'staging')
const put = async (file: string, text: string) => {
  await mkdir(dirname(join(dist(), file)), { recursive: true })
  await writeFile(join(dist(), file), text)
}

const LIVE = `<html><head><link rel="stylesheet" href="/_astro/site.abc.css"><script type="application/ld+json">{"a":1}</script></head><body><img src="/media/aa.webp" srcset="/media/aa.webp 640w, /media/bb.webp 1280w"><script type="module">start()</script></body></html>`

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-fast-pages-'))
  await put('work/x/index.html', LIVE)
  await put('_astro/site.abc.css', 'css')
  await put('media/aa.webp', 'a')
  await put('media/bb.webp', 'b')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const page = (html: string) => ({ url: '/work/x/', file: 'work/x/index.html', html })

describe('checkPages', () => {
  it('lets a page through that loads only files dist has, with the live page’s inline scripts', async () => {
    // New text and new JSON-LD (data, not a script the CSP counts).
    const edited = LIVE.replace('<body>', '<body><p>new</p>').replace('{"a":1}', '{"a":2}')
    expect(await checkPages(dist(), [page(edited)])).toBeUndefined()
  })

  it('refuses a page that is not live yet', async () => {
    expect(await checkPages(dist(), [{ ...page(LIVE), url: '/work/y/', file: 'work/y/index.html' }])).toBe(
      '/work/y/ is not live yet',
    )
  })

  it('refuses a page that loads a file dist lacks, in a srcset too', async () => {
    const edited = LIVE.replace('/media/bb.webp 1280w', '/media/cc.webp 1280w')
    expect(await checkPages(dist(), [page(edited)])).toBe('/work/x/ needs /media/cc.webp, not built yet')
  })

  it('refuses a page whose inline scripts differ from the live page’s (their CSP hashes)', async () => {
    const edited = LIVE.replace('start()', 'start(); autoplay()')
    expect(await checkPages(dist(), [page(edited)])).toBe('/work/x/ would need other script hashes')
  })
})

describe('writePages', () => {
  it('writes only the pages that differ, and lists them for the next full build first', async () => {
    await put('work/index.html', 'listing')
    const pages = [
      page(LIVE.replace('<body>', '<body>new')),
      { url: '/work/', file: 'work/index.html', html: 'listing' },
    ]
    const written = await writePages(staging(), dist(), pages, {
      edits: ['case-studies:1'],
      files: ['index.html'],
    })
    expect(written).toEqual(['work/x/index.html'])
    expect(await readFile(join(dist(), 'work/x/index.html'), 'utf8')).toContain('<body>new')
    const journal = JSON.parse(await readFile(join(staging(), '.kairo-fast-publish.json'), 'utf8'))
    expect(journal).toEqual({ edits: ['case-studies:1'], files: ['index.html', 'work/x/index.html'] })
  })
})
