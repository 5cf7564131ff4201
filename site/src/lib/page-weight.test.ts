import { describe, expect, it } from 'vitest'

import { overBudget, pageFacts, pageWeight } from './page-weight.ts'

const files: Record<string, number> = {
  '/_astro/site.css': 8_000,
  '/_astro/boot.js': 2_000,
  '/media/hero.webp': 150_000,
  '/media/poster.avif': 40_000,
}
const sizeOf = (path: string) => files[path]

describe('pageWeight', () => {
  it('adds the page, its styles, scripts, images and the 3D its islands load first', () => {
    const props = JSON.stringify({ model: { lods: [{ bytes: 900_000 }, { bytes: 120_000 }] } }).replaceAll(
      '"',
      '&quot;',
    )
    const html = `<html><head><link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/boot.js"></script></head>
<body><img src="/media/hero.webp" srcset="/media/hero.webp 1600w" alt=""><img src="/media/hero.webp" alt="">
<figure><div class="model__stage" data-island-props="${props}"><img src="/media/poster.avif" alt="A satellite"></div></figure>
<img src="https://elsewhere.example/x.png" alt=""></body></html>`
    const weight = pageWeight('/work/x/', pageFacts(html), sizeOf)
    expect(weight).toEqual({
      path: '/work/x/',
      html: Buffer.byteLength(html),
      css: 8_000,
      js: 2_000,
      images: 190_000, // the hero once, the poster; the other origin's image is not the build's
      initial3d: 120_000,
      total: Buffer.byteLength(html) + 8_000 + 2_000 + 190_000 + 120_000,
    })
    expect(overBudget([weight])).toEqual([])
  })

  it('names the pages over a budget and why', () => {
    const heavy = {
      path: '/',
      html: 1,
      css: 0,
      js: 0,
      images: 2_200_000,
      initial3d: 600_000,
      total: 2_800_001,
    }
    expect(overBudget([heavy])).toEqual([
      { path: '/', reason: '2734 KB in all (budget 2048 KB)' },
      { path: '/', reason: '586 KB of 3D before the first frame (budget 500 KB)' },
    ])
  })
})
