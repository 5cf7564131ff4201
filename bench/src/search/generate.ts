import { renderLexical, type SearchSource } from '@kairo/site/search-documents'
import { caseStudyData, serviceData } from '../build/content-text.ts'

// The benchmark's site: generated services, case studies and nested pages in the shapes the build
// reads (bench:build's word banks), with the rich-text bodies rendered by the site's own renderer.

/** How the 10,000 entries split: mostly case studies, as a studio's site grows. */
export const SPLIT = { services: 200, caseStudies: 9000, pages: 800 }
/** Pages sit under this many section pages, so their URLs are nested (`/section-3/page-41/`). */
const SECTIONS = 40

export function generatedSource(): SearchSource {
  const services = Array.from({ length: SPLIT.services }, (_, i) => {
    const { body, ...data } = serviceData(i)
    return { data: { ...data, layout: [] }, rendered: { html: renderLexical(body) } }
  })
  const caseStudies = Array.from({ length: SPLIT.caseStudies }, (_, i) => {
    const { body, ...data } = caseStudyData(i)
    return { data, rendered: { html: renderLexical(body) } }
  })
  const pages = Array.from({ length: SPLIT.pages }, (_, i) => {
    // A page's text: a case study's body in a rich-text block, under a hero.
    const { title, summary, body } = caseStudyData(100_000 + i)
    return {
      data: {
        id: i + 1,
        title: `Notes ${i + 1}: ${title}`,
        hero: { heading: title, text: summary },
        layout: [{ blockType: 'richText', content: body }],
      },
    }
  })
  const pagePaths = new Map(
    pages.map((page, i) => [
      String(page.data.id),
      i < SECTIONS ? `/section-${i + 1}/` : `/section-${(i % SECTIONS) + 1}/page-${i + 1}/`,
    ]),
  )
  return { services, caseStudies, pages, pagePaths }
}

const WORDS = [
  'mars',
  'jupiter',
  'saturn',
  'europa',
  'titan',
  'neptune',
  'andromeda',
  'orbital',
  'nova',
  'zenith',
  'lagrange',
  'observatory',
  'planetarium',
  'exhibit',
  'dashboard',
  'documentary',
  'configurator',
  'engineers',
  'families',
  'journalists',
  'newsletter',
  'offline',
  'mission',
  'scale',
  'museum',
  'websites',
  'motion',
  'education',
]
const TYPOS = ['jupter', 'planetarim', 'observatry', 'configuratr', 'documentry', 'andromda', 'lagrnge']
const MISSES = ['xylophone', 'quokka', 'zzyzx']

/**
 * A few hundred queries of the kinds visitors send: single words, prefixes as typed (`jup`, `orbi`),
 * two words, typos, words in no page, and a word with a number.
 */
export function queries(count: number): string[] {
  const all: string[] = []
  for (let i = 0; all.length < count; i++) {
    const word = WORDS[i % WORDS.length] ?? 'mars'
    const other = WORDS[(i * 7 + 3) % WORDS.length] ?? 'nova'
    const kinds = [
      word,
      word.slice(0, 3 + (i % 3)),
      `${word} ${other}`,
      TYPOS[i % TYPOS.length] ?? 'jupter',
      MISSES[i % MISSES.length] ?? 'zzyzx',
      `${word} ${1 + (i % 900)}`,
    ]
    all.push(kinds[i % kinds.length] ?? word)
  }
  return all
}
