import { describe, expect, it } from 'vitest'
import { pagePaths } from '../page-paths.ts'
import { type SearchSource, searchDocuments } from './documents.ts'
import { buildSearchIndex, loadSearchIndex } from './search-index.ts'

const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      children: [{ type: 'text', text, format: 0 }],
    })),
  },
})

const pages = [
  { id: 1, slug: 'home', title: 'Home', hero: { heading: 'We build orbits', text: 'A studio.' } },
  { id: 2, slug: 'about', title: 'About', parent: null },
  {
    id: 3,
    slug: 'process',
    title: 'Our process',
    parent: 2,
    layout: [{ blockType: 'richText', content: lexical('Sketch, then prototype.') }],
  },
  // Under a parent the build did not load (a draft): not routed, so not searchable.
  { id: 4, slug: 'orphan', title: 'Orphan page', parent: 99, hero: { text: 'Nobody links here.' } },
]

const source: SearchSource = {
  services: [
    {
      data: { slug: 'websites', title: 'Websites', summary: 'Fast sites.', layout: [] },
      rendered: { html: '<p>We make <strong>static</strong>-first sites.</p>' },
    },
  ],
  caseStudies: [
    {
      data: {
        slug: 'orbital-labs',
        title: 'Orbital Labs',
        summary: 'A planetarium site.',
        clientName: 'Orbital Labs',
        outcomes: [{ value: '40 %', label: 'more visits' }],
        layout: [
          { blockType: 'quote', quote: 'They came back for more.', person: 'Ada' },
          { blockType: 'stats', heading: 'Numbers', items: [{ value: '3', label: 'venues' }] },
          { blockType: 'image', image: 7, caption: 'The dome at night' },
        ],
      },
      rendered: {
        html: '<h2>The brief</h2><p>Mapping the <em>heli</em>osphere &amp; the Kuiper&#39;s belt.</p>',
      },
    },
  ],
  pages: pages.map((data) => ({ data })),
  pagePaths: pagePaths(pages),
}

describe('searchDocuments', () => {
  const documents = searchDocuments(source)
  const byUrl = new Map(documents.map((document) => [document.url, document]))

  it('holds every service, case study and routed page at its URL, nested pages under their parent', () => {
    expect(documents.map((document) => [document.url, document.kind])).toEqual([
      ['/services/websites/', 'service'],
      ['/work/orbital-labs/', 'case-study'],
      ['/', 'page'],
      ['/about/', 'page'],
      ['/about/process/', 'page'],
    ])
  })

  it('leaves out a page whose parent is not published', () => {
    expect(documents.some((document) => document.title === 'Orphan page')).toBe(false)
  })

  it('reads the rendered body as plain text, words split by formatting kept whole', () => {
    const study = byUrl.get('/work/orbital-labs/')
    expect(study?.text).toContain("The brief Mapping the heliosphere & the Kuiper's belt.")
    expect(byUrl.get('/services/websites/')?.text).toBe('We make static-first sites.')
  })

  it("reads the blocks' text: rich text, quotes, figures, captions; and a case study's client and outcomes", () => {
    const study = byUrl.get('/work/orbital-labs/')?.text ?? ''
    for (const part of [
      'Orbital Labs',
      '40 % more visits',
      'They came back for more. Ada',
      'Numbers 3 venues',
      'The dome at night',
    ])
      expect(study).toContain(part)
    expect(byUrl.get('/about/process/')?.text).toBe('Sketch, then prototype.')
    expect(byUrl.get('/')?.text).toBe('We build orbits A studio.')
  })

  it('round-trips through the index JSON, searchable by a word of the body', () => {
    const index = loadSearchIndex(buildSearchIndex(documents))
    const [hit] = index.search('heliosphere')
    expect(hit?.id).toBe('/work/orbital-labs/')
    expect(hit?.title).toBe('Orbital Labs')
    expect(index.search('prototype').map((result) => result.id)).toEqual(['/about/process/'])
    expect(index.search('nobody')).toEqual([])
  })
})
