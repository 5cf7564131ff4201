import { env } from 'cloudflare:workers'
import { renderLexical, searchDocuments } from '@kairo/site/search-documents'
import { buildSearchIndex } from '@kairo/site/search-index'
import { describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { createApp } from '../src/lib/create-app.ts'
import { createSearchRoutes } from '../src/routes/search/index.ts'
import type { AssetFetcher } from '../src/routes/search/index-cache.ts'
import { awaitRoomInWindow } from './support/rate-limit-window.ts'

// `GET /search`: the site's search answered from its build-time index, read through the static
// assets. The test pool has no ASSETS (vitest.config.ts), so these tests hand the route a stand-in
// that serves an index written by the site's own code (`@kairo/site/search-*`) and a page with the
// markers of site/src/pages/search/index.astro.

const ORIGIN = 'http://kairo.test'
const lexical = (...paragraphs: string[]) => ({
  root: {
    type: 'root',
    children: paragraphs.map((text) => ({
      type: 'paragraph',
      children: [{ type: 'text', text, format: 0 }],
    })),
  },
})
const body = (...paragraphs: string[]) => ({ html: renderLexical(lexical(...paragraphs)) })

const pages = [
  { id: 1, slug: 'about', title: 'About', hero: { text: 'Who we are.' } },
  {
    id: 2,
    slug: 'process',
    title: 'Our process',
    parent: 1,
    layout: [{ blockType: 'quote', quote: 'Sketch first.' }],
  },
]
const documents = searchDocuments({
  services: [
    {
      data: { slug: 'websites', title: 'Websites', summary: 'Static-first sites.' },
      rendered: body('Fast pages for every planetarium.'),
    },
  ],
  caseStudies: [
    {
      data: {
        slug: 'orbital-labs',
        title: 'Orbital Labs',
        summary: 'A dome show.',
        clientName: 'Orbital Labs',
      },
      rendered: body(
        'The brief came from a museum with a small budget and a large ambition for its visitors. '.repeat(3) +
          'We charted the heliosphere so school groups could walk through it <safely> & "calmly".',
      ),
    },
    {
      data: {
        slug: 'nova-institute',
        title: 'Nova Institute planetarium',
        summary: 'Stars indoors.',
        clientName: 'Nova',
      },
      rendered: body('A planetarium guide app.'),
    },
  ],
  pages: pages.map((data) => ({ data })),
  pagePaths: new Map([
    ['1', '/about/'],
    ['2', '/about/process/'],
  ]),
})

const PAGE = `<!doctype html><html lang="en"><head><title>Search · Kairo</title><style>body{color:red}</style>
<script type="application/ld+json">{}</script></head><body><main>
<form action="/search" method="get" role="search"><label for="q">Search</label><input id="q" type="search" name="q" data-search-input /></form>
<p id="search-status" role="status" data-search-status></p><div id="search-results" data-search-results></div>
<script type="module">console.log('as you type')</script><script type="module" src="/_astro/x.js"></script>
</main></body></html>`

/** A stand-in for the ASSETS binding: the page and an index, counting how often the index is read. */
let versions = 0
// Each stand-in's index has a version of its own: the parsed index is kept per isolate by version.
function assets(index = buildSearchIndex(documents), etag: string | null = `"v${Date.now()}-${versions++}"`) {
  const served = { indexReads: 0, index, etag }
  const fetcher: AssetFetcher = {
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname
      if (path === '/search/')
        return new Response(PAGE, { headers: { 'content-type': 'text/html', etag: '"page"' } })
      if (path !== '/search/index.json' || served.index === '')
        return new Response('Not found', { status: 404 })
      // Read only when the route reads the body (highWaterMark 0: no read ahead).
      const bytes = new TextEncoder().encode(served.index)
      return new Response(
        new ReadableStream(
          {
            pull(controller) {
              served.indexReads += 1
              controller.enqueue(bytes)
              controller.close()
            },
          },
          { highWaterMark: 0 },
        ),
        { headers: served.etag ? { etag: served.etag } : {} },
      )
    },
  } as AssetFetcher
  return { fetcher, served }
}

let ipCounter = 0
const firstIp = Date.now() % 200
const nextIp = () => `203.0.113.${(firstIp + ipCounter++) % 250}`

function searchApp(fetcher: AssetFetcher) {
  return createApp().route('/', createSearchRoutes({ assets: () => fetcher }))
}

async function get(
  target: { request: typeof app.request },
  query: string,
  accept = 'text/html',
  ip = nextIp(),
) {
  return target.request(`${ORIGIN}/search${query}`, { headers: { accept, 'cf-connecting-ip': ip } }, env)
}

describe('GET /search (HTML, without JavaScript)', () => {
  const { fetcher } = assets()
  const searching = searchApp(fetcher)

  it('finds a case study by a word of its body, with the word marked in its excerpt and the count in the status', async () => {
    const response = await get(searching, '?q=heliosphere')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await response.text()
    expect(html).toContain(
      '<p id="search-status" role="status" data-search-status>1 result for “heliosphere”</p>',
    )
    expect(html).toContain('<a href="/work/orbital-labs/">Orbital Labs</a>')
    expect(html).toMatch(
      /<p class="search-result__excerpt">… .*We charted the <mark>heliosphere<\/mark> so school groups/,
    )
    // The body's own characters stay text.
    expect(html).toContain('&lt;safely&gt; &amp; &quot;calmly&quot;')
    expect(html).toContain('value="heliosphere"')
    expect(html).toContain('<title>1 result for “heliosphere” · Search · Kairo</title>')
  })

  it('gives the inline script and styles the response’s CSP nonce, and nothing of the asset’s caching', async () => {
    const response = await get(searching, '?q=orbital')
    const html = await response.text()
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
    expect(nonce).toBeTruthy()
    expect(html).toContain(`<style nonce="${nonce}">`)
    expect(html).toContain(`<script type="module" nonce="${nonce}">console.log`)
    expect(html).toContain('<script type="module" src="/_astro/x.js"></script>')
    expect(response.headers.get('etag')).toBeNull()
    expect(response.headers.get('vary')).toBe('Accept')
  })

  it('finds words as they are typed (prefixes) and despite a typo, the title first', async () => {
    const prefix = await (await get(searching, '?q=helio', 'application/json')).json<{
      results: { url: string }[]
    }>()
    expect(prefix.results.map((result) => result.url)).toEqual(['/work/orbital-labs/'])
    const typo = await (await get(searching, '?q=planetarim', 'application/json')).json<{
      results: { url: string; titleHtml: string }[]
    }>()
    expect(typo.results.map((result) => result.url)).toEqual(['/work/nova-institute/', '/services/websites/'])
    expect(typo.results[0]?.titleHtml).toBe('Nova Institute <mark>planetarium</mark>')
  })

  it('finds a nested page at its URL', async () => {
    const html = await (await get(searching, '?q=sketch')).text()
    expect(html).toContain('<a href="/about/process/">Our process</a>')
  })

  it('says when nothing matched', async () => {
    const response = await get(searching, '?q=zzyzx')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('data-search-status>No results for “zzyzx”</p>')
    expect(html).toContain('<div id="search-results" data-search-results></div>')
  })

  it('serves the form as built when there are no words', async () => {
    const html = await (await get(searching, '')).text()
    expect(html).toContain('<p id="search-status" role="status" data-search-status></p>')
    expect(html).toContain('<title>Search · Kairo</title>')
  })

  it('escapes the query wherever it is shown', async () => {
    const html = await (
      await get(searching, `?q=${encodeURIComponent('<img src=x onerror=alert(1)>"')}`)
    ).text()
    // As text it is escaped; in the double-quoted value only its `"` needs escaping to stay inside.
    expect(html).toContain('data-search-status>No results for “&lt;img src=x onerror=alert(1)&gt;"”</p>')
    expect(html).toContain(
      '<title>No results for “&lt;img src=x onerror=alert(1)&gt;"” · Search · Kairo</title>',
    )
    expect(html).toContain('value="<img src=x onerror=alert(1)>&quot;"')
    expect(html.split('<img').length - 1).toBe(1)
  })

  it('refuses an over-long query or control characters with a message in the page, never a stack', async () => {
    const long = await get(searching, `?q=${'a'.repeat(201)}`)
    expect(long.status).toBe(400)
    expect(await long.text()).toContain(
      'data-search-status>The search is too long: at most 200 characters.</p>',
    )
    const control = await get(searching, '?q=orb%00it')
    expect(control.status).toBe(400)
    const html = await control.text()
    expect(html).toContain('cannot be searched for')
    expect(html).toContain('value="orb it"')
    expect((await get(searching, '?q=orbit&page=0')).status).toBe(400)
  })
})

describe('GET /search (JSON, as the visitor types)', () => {
  it('answers { query, total, results: [{ url, kind, title, titleHtml, excerptHtml }] } with a next page', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      url: `/work/comet-${i}/`,
      kind: 'case-study' as const,
      title: `Comet ${i}`,
      summary: 'A comet.',
      text: `Comet number ${i} and its tail.`,
    }))
    const searching = searchApp(assets(buildSearchIndex([...documents, ...many])).fetcher)
    const response = await get(searching, '?q=comet', 'application/json')
    expect(response.status).toBe(200)
    const answer = await response.json<{
      query: string
      total: number
      page: number
      next: string | null
      results: Array<Record<string, string>>
    }>()
    expect(answer).toMatchObject({ query: 'comet', total: 25, page: 1, next: '/search?q=comet&page=2' })
    expect(answer.results).toHaveLength(20)
    expect(Object.keys(answer.results[0] ?? {}).sort()).toEqual([
      'excerptHtml',
      'kind',
      'title',
      'titleHtml',
      'url',
    ])
    expect(answer.results[0]?.titleHtml).toMatch(/^<mark>Comet<\/mark> \d+$/)
    const second = await (await get(searching, '?q=comet&page=2', 'application/json')).json<typeof answer>()
    expect(second.results).toHaveLength(5)
    expect(second.next).toBeNull()
  })

  it('answers bad input with the one error shape', async () => {
    const searching = searchApp(assets().fetcher)
    const response = await get(searching, `?q=${'x'.repeat(300)}`, 'application/json')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_query', message: 'The search is too long: at most 200 characters.' },
    })
  })

  it('answers 503 in that shape when the build has no index', async () => {
    const missing = searchApp(assets('').fetcher)
    const response = await get(missing, '?q=orbit', 'application/json')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable')
  })

  it('is mounted in the app', async () => {
    // Bad input: the answer does not depend on whether the pool serves a built site as ASSETS.
    const response = await get(app, `?q=${'x'.repeat(300)}`, 'application/json')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_query')
  })
})

describe('the index in the isolate', () => {
  it('is parsed once per version (ETag), and a new deploy’s index is read on the next search', async () => {
    const { fetcher, served } = assets(buildSearchIndex(documents), `"first-${Date.now()}"`)
    const searching = searchApp(fetcher)
    const titles = async (q: string) =>
      (
        await (await get(searching, `?q=${q}`, 'application/json')).json<{ results: { title: string }[] }>()
      ).results.map((result) => result.title)
    expect(await titles('orbital')).toEqual(['Orbital Labs'])
    expect(await titles('nova')).toEqual(['Nova Institute planetarium'])
    expect(served.indexReads).toBe(1)

    served.index = buildSearchIndex([
      { url: '/work/orbital-2/', kind: 'case-study', title: 'Orbital Two', summary: '', text: '' },
    ])
    served.etag = `"second-${Date.now()}"`
    expect(await titles('orbital')).toEqual(['Orbital Two'])
    expect(served.indexReads).toBe(2)
  })
})

describe('the per-address limit', () => {
  it('answers 429 past 120 searches a minute from one address, with Retry-After', async () => {
    const searching = searchApp(assets().fetcher)
    const ip = `198.18.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`
    // The binding counts in one-minute windows on the clock: all 122 searches must fall in one.
    await awaitRoomInWindow(60, 10_000)
    const statuses: number[] = []
    for (let i = 0; i < 122; i++)
      statuses.push((await get(searching, '?q=orbit', 'application/json', ip)).status)
    expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true)
    const limited = await get(searching, '?q=orbit', 'application/json', ip)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
    // Another address is not held back.
    expect((await get(searching, '?q=orbit', 'application/json')).status).toBe(200)
  })
})
