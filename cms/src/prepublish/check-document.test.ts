import { describe, expect, it } from 'vitest'

import { checkDocument } from './check-document.ts'

const media = (id: number, alt: string, filesize = 120_000) => ({
  id,
  alt,
  filename: `photo-${id}.jpg`,
  mimeType: 'image/jpeg',
  filesize,
  sizes: { feature: { filesize } },
  createdAt: '2026-12-01T00:00:00.000Z',
})
const model = (alt: string, smallestLod: number) => ({
  id: 9,
  title: 'Satellite',
  alt,
  manifest: { lods: [{ bytes: 2_000_000 }, { bytes: smallestLod }], poster: { images: [{ bytes: 30_000 }] } },
  createdAt: '2026-12-01T00:00:00.000Z',
})
const richText = (...children: object[]) => ({ root: { type: 'root', children } })

describe('checkDocument', () => {
  it('has nothing to say about a well-made case study', () => {
    const doc = {
      id: 1,
      title: 'Orbital Labs',
      createdAt: '2026-12-01T00:00:00.000Z',
      heroImage: media(1, 'The launch site at night, lit by the rocket'),
      model: model('A small satellite with two solar wings', 180_000),
      body: richText({ type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Brief' }] }),
      services: [
        {
          id: 3,
          title: 'Other',
          createdAt: 'x',
          body: richText({ type: 'heading', tag: 'h1', children: [] }),
        },
      ],
    }
    expect(checkDocument(doc)).toEqual([])
  })

  it('puts each warning on the field it concerns, blocks and arrays included', () => {
    const doc = {
      id: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      heroImage: media(1, 'IMG_0042'),
      model: model('model', 180_000),
      body: richText({ type: 'heading', tag: 'h4', children: [{ type: 'text', text: 'Deep' }] }),
      layout: [
        { id: 'a', blockType: 'gallery', images: [{ id: 'r', image: media(2, 'photo') }] },
        {
          id: 'b',
          blockType: 'cta',
          heading: 'Talk',
          links: [{ id: 'l', link: { type: 'custom', url: '/contact/', label: 'Click here' } }],
        },
      ],
    }
    const warnings = checkDocument(doc)
    expect(warnings.map((warning) => warning.path)).toEqual([
      'heroImage',
      'model',
      'body',
      'layout.0.images.0.image',
      'layout.1.links.0.link.label',
    ])
    expect(warnings[0]?.message).toMatch(/^The image photo-1\.jpg has the alt text “IMG_0042”/)
    expect(warnings[1]?.message).toMatch(/3D model “Satellite” has the alt text “model”/)
  })

  it('warns of a 3D model over its first-view budget and a page over its weight budget', () => {
    const heavy = {
      id: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      model: model('A small satellite with two solar wings', 600_000),
      layout: [
        {
          id: 'g',
          blockType: 'gallery',
          images: [1, 2, 3].map((id) => ({
            id: String(id),
            image: media(id, `A view of the launch, ${id}`, 500_000),
          })),
        },
      ],
    }
    const warnings = checkDocument(heavy)
    expect(warnings).toEqual([
      {
        path: 'model',
        message: expect.stringMatching(/loads 615 KB before its first frame \(budget 500 KB\)/),
      },
      {
        path: '',
        message: expect.stringMatching(
          /^This page weighs about 2\.1 MB with its images \(1\.4 MB\) and 3D \(0\.6 MB\), over the 2\.0 MB budget/,
        ),
      },
    ])
  })
})
