import { blocksText, htmlText } from './plain-text.ts'
import type { SearchDocument } from './search-index.ts'

// For callers that hold a Lexical body rather than the loader's HTML (bench:search, the Worker's
// tests): the same renderer the loader uses, through this package entry (`@kairo/site/search-documents`).
export { renderLexical } from '../rich-text/render.ts'

// Which pages the search index holds and what it knows of each: the published services, case studies
// and CMS pages the build routes, read from the same content the pages are built from
// (src/lib/content.ts). Drafts never reach it: the content store holds only published documents.

/** A content entry as far as the index goes: its data and, for bodies, the loader's rendered HTML. */
interface Entry<Data> {
  data: Data
  rendered?: { html: string } | undefined
}
type Blocks = unknown[] | null | undefined
type Meta = { description?: string | null } | null | undefined

/** The content the index is written from (a `SiteContent` fits). */
export interface SearchSource {
  services: Entry<{ slug: string; title: string; summary: string; layout?: Blocks; meta?: Meta }>[]
  caseStudies: Entry<{
    slug: string
    title: string
    summary: string
    clientName: string
    outcomes?: Array<{ value: string; label: string }> | null | undefined
    layout?: Blocks
    meta?: Meta
  }>[]
  pages: Entry<{
    id: string | number
    title: string
    hero?: { heading?: string | null; text?: string | null } | null | undefined
    layout?: Blocks
    meta?: Meta
  }>[]
  /** Each routed page's URL by id (src/lib/page-paths.ts); a page without one is not on the site. */
  pagePaths: Map<string, string>
}

const join = (...parts: Array<string | null | undefined>) =>
  parts.filter((part): part is string => Boolean(part?.trim())).join(' ')

const bodyText = (entry: Pick<Entry<unknown>, 'rendered'>) =>
  entry.rendered?.html ? htmlText(entry.rendered.html) : ''

/** One document per published, routed page, in the order services, case studies, pages. */
export function searchDocuments(source: SearchSource): SearchDocument[] {
  const services = source.services.map(
    (entry): SearchDocument => ({
      url: `/services/${entry.data.slug}/`,
      kind: 'service',
      title: entry.data.title,
      summary: entry.data.summary || entry.data.meta?.description || '',
      text: join(bodyText(entry), blocksText(entry.data.layout)),
    }),
  )
  const caseStudies = source.caseStudies.map(
    ({ data, ...entry }): SearchDocument => ({
      url: `/work/${data.slug}/`,
      kind: 'case-study',
      title: data.title,
      summary: data.summary || data.meta?.description || '',
      text: join(
        data.clientName,
        bodyText(entry),
        ...(data.outcomes ?? []).map((outcome) => `${outcome.value} ${outcome.label}`),
        blocksText(data.layout),
      ),
    }),
  )
  const pages = source.pages.flatMap(({ data }): SearchDocument[] => {
    const url = source.pagePaths.get(String(data.id))
    if (url === undefined) return []
    return [
      {
        url,
        kind: 'page',
        title: data.title,
        summary: data.meta?.description || data.hero?.text || '',
        text: join(data.hero?.heading, data.hero?.text, blocksText(data.layout)),
      },
    ]
  })
  return [...services, ...caseStudies, ...pages]
}
