import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishedMediaType } from '../src/lib/media-type.ts'
import { loadSearchIndex } from '../src/lib/search/search-index.ts'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'
import { type BuiltModels, buildTestModels } from './models-fixture.ts'
import { addVideoFixtures } from './video-fixture.ts'

const siteRoot = fileURLToPath(new URL('..', import.meta.url))
let cms: FixtureServer
let tmp: string
let outDir: string
let buildLog = ''
let models: BuiltModels

const htmlOf = async (file: string) => readFile(join(outDir, file), 'utf8')
const LD_JSON = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

/** The dashboard's 3D viewer: a frame the dashboard lays over a poster, not a page of the site. */
const VIEWER = 'viewer/index.html'

/** The search form, which the Worker fills with results (api/src/routes/search/). */
const SEARCH_PAGE = 'search/index.html'

/** The site's pages (every built HTML file but the viewer frame). */
async function sitePages(): Promise<string[]> {
  return (await listFiles(outDir)).filter((file) => file.endsWith('.html') && file !== VIEWER).sort()
}

// A real `astro build` against the fixture CMS: about 5-10 s. Spawned asynchronously so this
// process's fixture server can answer the build's request.
beforeAll(async () => {
  cms = await startFixtureServer()
  // Inside the site (as the real build's staging folder is): Astro stages the prerendered chunks in
  // `.prerender/` under the output folder only when it lies in the working directory, else in the
  // site's own `.astro/`, which concurrent test builds (the e2e islands site) would then share.
  tmp = await mkdtemp(join(siteRoot, 'node_modules', '.kairo-site-build-'))
  outDir = join(tmp, 'dist')
  // Two models built by the real pipeline (test/models-fixture.ts; its cache keeps reruns fast):
  // `planet` on the service `websites` (so the home page's orbit too) and in a model3d block on the
  // about page, `capsule` on the case study `orbital-labs`. The other pages have no model. Plus a
  // model still processing (the query leaves it out) and a ready one with a broken manifest.
  models = await buildTestModels(
    join(tmp, 'models'),
    join(siteRoot, 'node_modules', '.cache', 'kairo-test-models'),
  )
  cms.modelFiles = models.filesDir
  cms.collections.models = [
    ...models.docs(cms.url),
    {
      id: 103,
      title: 'Queued',
      slug: 'queued',
      alt: 'x',
      status: 'processing',
      manifest: null,
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
    {
      id: 104,
      title: 'Broken',
      slug: 'broken',
      alt: 'x',
      status: 'ready',
      manifest: { version: 1 },
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ]
  const websites = cms.collections.services?.find((doc) => doc.slug === 'websites')
  if (websites) websites.model = 101
  const orbital = cms.docs.find((doc) => doc.slug === 'orbital-labs')
  if (orbital) orbital.model = 102
  const about = cms.collections.pages?.find((doc) => doc.slug === 'about')
  if (about)
    about.layout = [
      ...((about.layout as object[]) ?? []),
      { blockType: 'model3d', model: 101, caption: 'Our planet, live' },
    ]
  // A showreel block (poster, two captions) on the case study `nebula-coffee`; a reel that plays by
  // itself on the page `studio` (test/video-fixture.ts).
  addVideoFixtures(cms)
  const astro = join(siteRoot, 'node_modules', '.bin', 'astro')
  const args = ['build', '--config', 'test/build.config.ts', '--outDir', outDir]
  const env = {
    ...process.env,
    CMS_URL: cms.url,
    KAIRO_TEST_CACHE_DIR: join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(astro, args, { cwd: siteRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk) => (buildLog += chunk))
    child.stderr.on('data', (chunk) => (buildLog += chunk))
    child.on('close', resolve)
  })
  if (code !== 0) throw new Error(`astro build exited ${code}:\n${buildLog}`)
}, 150_000)

afterAll(async () => {
  await cms?.close()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('astro build against the fixture CMS', () => {
  it('reads the CMS once per collection and each media file at most once', () => {
    const api = cms.requests.filter((path) => !/^\/api\/(media\/file|model-assets)\//.test(path)).sort()
    expect(api).toEqual([
      '/api/case-studies?where[_status][equals]=published&pagination=false&depth=0',
      '/api/globals/site-settings?depth=1',
      '/api/media?pagination=false&depth=0',
      '/api/models?where[status][equals]=ready&pagination=false&depth=0',
      '/api/pages?where[_status][equals]=published&pagination=false&depth=1',
      '/api/redirects?pagination=false&depth=0',
      '/api/services?where[_status][equals]=published&pagination=false&depth=1',
      '/api/team-members?pagination=false&depth=1',
      '/api/testimonials?pagination=false&depth=1',
    ])
    const files = cms.requests.filter((path) => path.startsWith('/api/media/file/'))
    expect(new Set(files).size).toBe(files.length)
  })

  it('writes every page type, one page per published case study and service, and no drafts', async () => {
    const pages = await sitePages()
    expect(pages).toEqual([
      '404.html',
      'about/index.html',
      'contact/index.html',
      'contact/thanks/index.html',
      'index.html',
      'search/index.html',
      'services/index.html',
      'services/interactive-3d/index.html',
      'services/websites/index.html',
      'studio/index.html',
      'studio/team/index.html',
      'work/index.html',
      'work/nebula-coffee/index.html',
      'work/orbital-labs/index.html',
    ])
    for (const page of pages) {
      const html = await htmlOf(page)
      expect(html.match(/<h1[\s>]/g), page).toHaveLength(1)
      expect(html, page).not.toMatch(/secret-draft|secret-service|Secret draft/i)
    }
  })

  it('has no draft preview: no preview route, no server code, no banner (astro.preview.config.ts has them)', async () => {
    const files = await listFiles(outDir)
    // Nor the fast publisher's route, which only its render bundle has (astro.render.config.ts).
    expect(files.filter((file) => /(^|\/)(preview|_kairo)(\/|$)|\.mjs$|^server\//.test(file))).toEqual([])
    for (const page of await sitePages()) expect(await htmlOf(page), page).not.toMatch(/draft-banner|noindex/)
  })

  it('shows the latest work from its block and links all of it from the home page, with the CMS hero and blocks', async () => {
    const home = await htmlOf('index.html')
    // The layout's "Recent work" block shows one, the newest year first; the link to all follows it,
    // with no second list of the same cards.
    expect(home).toContain('<a href="/work/orbital-labs/">Orbital Labs launch site</a>')
    expect(home.match(/href="\/work\/orbital-labs\/"/g)).toHaveLength(1)
    expect(home).not.toContain('Nebula Coffee</a>')
    expect(home).toContain('<p class="wrap more-link" id="work"><a href="/work/">All 2 case studies</a></p>')
    expect(home).toContain('<h1>Websites with gravity</h1>')
    expect(home).toContain('We build &lt;fast&gt; things.')
    expect(home).toMatch(/<dt>faster first paint<\/dt><dd>40×<\/dd>/)
    expect(home).toContain('They made orbit feel close.')
    expect(home).toContain('<a class="button" href="/about/">About the studio</a>')
    // Site paths from the CMS get the trailing slash the pages live under.
    expect(home).toContain('<a class="button" href="/contact/?from=home">Contact us</a>')
    expect(home).toContain('<li><a href="/services/">Services</a></li>')
    // The CTA's link to a draft service is dropped, not rendered as a broken link.
    expect(home).not.toContain('A draft service')
  })

  it('renders a case study with its title, summary, facts, services, outcomes, escaped body, blocks and canonical URL', async () => {
    const page = await htmlOf('work/orbital-labs/index.html')
    expect(page).toContain('<h1>Orbital Labs launch site</h1>')
    expect(page).toContain('A launch site for a satellite start-up')
    expect(page).toContain('<dt>Client</dt><dd>Orbital Labs</dd>')
    expect(page).toContain('<dt>Year</dt><dd>2026</dd>')
    expect(page).toContain('<a href="/services/websites/">Websites with depth</a>')
    expect(page).toContain('<dt>average visit, up from two</dt><dd>9 min</dd>')
    expect(page).toContain('<strong>close</strong> &lt;and&gt; safe.')
    // After the body, the case study's own blocks (the same set as a page's).
    expect(page.indexOf('safe.')).toBeLessThan(page.indexOf('<figure class="block quote">'))
    expect(page).toContain('The planetarium&#39;s visitors now stay for the whole show.')
    expect(page).not.toContain('javascript:')
    expect(page).toContain('<link rel="canonical" href="http://localhost:4321/work/orbital-labs/">')
    expect(page).toContain('<meta name="description" content="How we launched Orbital Labs')
    // No SEO image on this case study: its generated card.
    expect(page).toContain(
      '<meta property="og:image" content="http://localhost:4321/og/work/orbital-labs.jpg">',
    )
    expect(page).toContain('<a class="skip-link" href="#main">Skip to content</a>')
  })

  it('describes the studio on every page and each case study as a CreativeWork, in JSON-LD', async () => {
    for (const page of await sitePages()) {
      const blocks = [...(await htmlOf(page)).matchAll(LD_JSON)].map((m) => JSON.parse(m[1] ?? ''))
      expect(blocks, page).toHaveLength(1)
      expect(blocks[0][0], page).toMatchObject({ '@type': 'Organization', name: 'Kairo' })
    }
    const [ld] = [...(await htmlOf('work/orbital-labs/index.html')).matchAll(LD_JSON)]
    expect(JSON.parse(ld?.[1] ?? '')[1]).toMatchObject({
      '@type': 'CreativeWork',
      name: 'Orbital Labs launch site',
      url: 'http://localhost:4321/work/orbital-labs/',
    })
  })

  it('renders the about page from the CMS: blocks, team and testimonials; navigation from site settings', async () => {
    const about = await htmlOf('about/index.html')
    expect(about).toContain('<h1>A small studio with a big sky</h1>')
    expect(about).toContain('<h3>Ada Okafor</h3>')
    expect(about).toContain('Our visitors stay nine minutes now.')
    expect(about).toContain('<figcaption>Our view</figcaption>')
    expect(about).toContain('<li><a href="/about/">About</a></li>')
    expect(about).toContain('<a href="mailto:hello@kairo.studio">')
  })

  it('publishes any page at its parents’ URL with its breadcrumbs, linked from the navigation', async () => {
    const team = await htmlOf('studio/team/index.html')
    expect(team).toContain('<h1>The people behind the orbits</h1>')
    expect(team).toContain('We are eleven, in two time zones.')
    const trail = /<nav class="wrap breadcrumbs" aria-label="Breadcrumb">(.*?)<\/nav>/s.exec(team)?.[1] ?? ''
    expect(trail.replace(/\s+/g, ' ')).toMatch(
      /<a href="\/">Home<\/a>.*<a href="\/studio\/">The studio<\/a>.*<li aria-current="page">Our team<\/li>/,
    )
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(team)?.[1] ?? '[]'
    const list = (JSON.parse(ld) as Array<Record<string, unknown>>).find(
      (item) => item['@type'] === 'BreadcrumbList',
    )
    expect(list?.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'http://localhost:4321/' },
      { '@type': 'ListItem', position: 2, name: 'The studio', item: 'http://localhost:4321/studio/' },
      { '@type': 'ListItem', position: 3, name: 'Our team', item: 'http://localhost:4321/studio/team/' },
    ])
    // A page at the top shows no trail; every page's header links the nested page.
    expect(await htmlOf('studio/index.html')).not.toContain('aria-label="Breadcrumb"')
    expect(await htmlOf('index.html')).toContain('<li><a href="/studio/team/">Team</a></li>')
    // Under a draft parent a page waits for it: neither is built.
    expect(await listFiles(outDir)).not.toContainEqual(expect.stringMatching(/roadmap|plans/))
  })

  it('resolves every internal link and image to a built file', async () => {
    const files = new Set(await listFiles(outDir))
    const pages = [...files].filter((f) => f.endsWith('.html'))
    let checked = 0
    for (const page of pages) {
      const html = await htmlOf(page)
      const urls = [
        ...[...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1] ?? ''),
        ...[...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) =>
          (m[1] ?? '').split(',').map((s) => s.trim().split(' ')[0] ?? ''),
        ),
      ]
      for (const url of urls.filter((u) => u.startsWith('/') && !u.startsWith('//'))) {
        const path = decodeURIComponent(url.replace(/[?#].*$/, '')).slice(1)
        const target = path === '' || path.endsWith('/') ? `${path}index.html` : path
        expect(files.has(target), `${page} -> ${url}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it("gives every page an og:image that is a built 1200×630 file: the editor's SEO image or a generated card", async () => {
    const files = new Set(await listFiles(outDir))
    const pages = await sitePages()
    const cards = new Set<string>()
    for (const page of pages) {
      const html = await htmlOf(page)
      const meta = (name: string) =>
        new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)">`).exec(html)?.[1]
      const image = new URL(meta('og:image') ?? '', 'http://x.invalid')
      expect(image.origin, page).toBe('http://localhost:4321')
      const file = join(outDir, decodeURIComponent(image.pathname))
      expect(files.has(decodeURIComponent(image.pathname).slice(1)), page).toBe(true)
      expect([meta('og:image:width'), meta('og:image:height')], page).toEqual(['1200', '630'])
      expect(meta('og:image:alt'), page).toMatch(/\S/)
      expect(meta('twitter:card'), page).toBe('summary_large_image')
      // The fixture CMS's media files are placeholders; the generated cards are real JPEGs.
      if (image.pathname.startsWith('/og/')) {
        const { width, height, format } = await sharp(file).metadata()
        expect([format, width, height], page).toEqual(['jpeg', 1200, 630])
        cards.add(image.pathname)
      }
    }
    // The home page's document has an SEO image, so it keeps it and gets no card; the rest have theirs.
    expect(await htmlOf('index.html')).toMatch(
      /<meta property="og:image" content="[^"]*\/media\/[0-9a-f]{16}\.jpg">/,
    )
    expect([...cards].sort()).toEqual(
      [
        '/og/about.jpg',
        '/og/contact.jpg',
        '/og/services.jpg',
        '/og/services/interactive-3d.jpg',
        '/og/services/websites.jpg',
        '/og/studio.jpg',
        '/og/studio/team.jpg',
        '/og/work.jpg',
        '/og/work/nebula-coffee.jpg',
        '/og/work/orbital-labs.jpg',
      ].sort(),
    )
    // Each distinct card was rendered once into the cache, which the next build reads instead.
    const cached = await readdir(join(tmp, 'cache', 'kairo-og'))
    const built = (await listFiles(outDir)).filter((f) => f.startsWith('og/'))
    expect(cached.filter((f) => f.endsWith('.jpg'))).toHaveLength(built.length)
  })

  it("starts every card as the build starts, and writes them after the pages, outside Astro's routes", async () => {
    const cards = (await listFiles(outDir)).filter((f) => f.startsWith('og/'))
    // The cold cache: all of them begin in the threads before Vite bundles the site.
    expect(buildLog).toContain(`og cards: ${cards.length} of ${cards.length} rendering from the start`)
    expect(buildLog).toContain(`og cards: ${cards.length} in the build, ${cards.length} written, 0 unchanged`)
    // Astro renders no card path: its one thread is the pages'.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is matched
    const rendered = [...buildLog.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/├─ (\S+)/g)].map(
      (m) => m[1] as string,
    )
    expect(rendered.length).toBeGreaterThan(10)
    expect(rendered.filter((path) => path.startsWith('/og/'))).toEqual([])
  })

  it('copies the used media into the build once, and gives every image its size, alt and loading hints', async () => {
    const media = (await listFiles(outDir)).filter((f) => f.startsWith('media/'))
    const referenced = new Set<string>()
    for (const page of (await listFiles(outDir)).filter((f) => f.endsWith('.html'))) {
      const html = await htmlOf(page)
      for (const [, name] of html.matchAll(/\/media\/([0-9a-f]{16}\.[a-z0-9]+)/g))
        referenced.add(`media/${name}`)
      for (const [img] of html.matchAll(/<img\s[^>]*>/g)) {
        expect(img, page).toMatch(/\swidth="\d+"/)
        expect(img, page).toMatch(/\sheight="\d+"/)
        expect(img, page).toMatch(/\salt="[^"]+"/)
        expect(img, page).toContain('decoding="async"')
        expect(img, page).toMatch(/loading="lazy"|fetchpriority="high"/)
      }
    }
    expect(media.sort()).toEqual([...referenced].sort())
    // Only images, videos and captions are published, each under the extension of the type its bytes show.
    for (const file of media) {
      const published = await publishedMediaType(await readFile(join(outDir, file)))
      expect(published && `.${published.extension}`, file).toBe(file.slice(file.lastIndexOf('.')))
    }
    // The fixture's fifth image is referenced nowhere, so none of its files ships.
    expect(media.length).toBeLessThan(cms.requests.filter((p) => p.startsWith('/api/media/file/')).length)
    const home = await htmlOf('index.html')
    expect(home).toMatch(
      /<img class="hero__image" src="\/media\/[0-9a-f]{16}\.webp" srcset="[^"]+ 400w, [^"]+ 1600w, [^"]+ 2400w"/,
    )
    expect(home).toContain('alt="A ringed planet at dusk"')
  })

  it("writes the CMS's redirects for the static host, dropping those to unpublished pages", async () => {
    expect(await readFile(join(outDir, '_redirects'), 'utf8')).toBe(
      '/work/orbital /work/orbital-labs/ 301\n/launch https://example.com/live 302\n',
    )
  })

  it("writes _headers whose CSP allows the build's inline scripts by hash and nothing inline else", async () => {
    const headers = await readFile(join(outDir, '_headers'), 'utf8')
    const contact = await readFile(join(outDir, 'contact', 'index.html'), 'utf8')
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(contact)?.[1] ?? ''
    expect(script.length).toBeGreaterThan(0)
    const hash = createHash('sha256').update(script).digest('base64')
    const [strict = '', ...rules] = headers.split(/\n(?=\/)/)
    const scriptSrc = (rule: string) => (/script-src ([^;]*);/.exec(rule)?.[1] ?? '').split(' ').sort()
    // Every inline script the build has (the contact form's, the islands' runtime), by hash, and
    // nothing else inline; pages with an island (only they) may compile WebAssembly and start
    // workers from the site's own scripts. Only those worker scripts may evaluate strings.
    const inline = new Set<string>()
    for (const page of (await listFiles(outDir)).filter((f) => f.endsWith('.html')))
      for (const [, body = ''] of (await htmlOf(page)).matchAll(
        /<script(?: type="module")?>([\s\S]*?)<\/script>/g,
      ))
        inline.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`)
    expect(inline).toContain(`'sha256-${hash}'`)
    expect(scriptSrc(strict)).toEqual(["'self'", ...inline].sort())
    const pageRules = rules.filter(
      (r) => r.includes('! Content-Security-Policy') && !/^\/(decoders|_astro)\//.test(r),
    )
    expect(pageRules.map((rule) => rule.split('\n')[0])).toEqual([
      '/',
      '/about/',
      '/services/*',
      '/viewer/',
      '/work/*',
    ])
    for (const rule of pageRules) {
      expect(scriptSrc(rule)).toEqual(["'self'", "'wasm-unsafe-eval'", ...inline].sort())
      expect(rule).toContain("worker-src 'self';")
    }
    // The scenes' worker runs under its own response's policy: what the loaders need, no eval.
    expect(headers).toContain(
      "/_astro/scene/*\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:; object-src 'none'\n",
    )
    for (const worker of ['draco/gltf/draco_worker.js', 'basis/basis_worker.js'])
      expect(headers).toContain(
        `/decoders/r187/${worker}\n  ! Content-Security-Policy\n  Content-Security-Policy: default-src 'none'; script-src 'wasm-unsafe-eval' 'unsafe-eval'\n`,
      )
    expect(headers.match(/'unsafe-eval'/g)).toHaveLength(2)
    expect(headers).toContain('X-Content-Type-Options: nosniff')
    // Hashed bundles and content-addressed media are cached for a year.
    for (const path of ['/_astro/*', '/media/*'])
      expect(headers).toContain(`\n${path}\n  Cache-Control: public, max-age=31536000, immutable\n`)
  })

  it('writes sitemap-index.xml, robots.txt and rss.xml listing the public pages', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8')
    expect(await readFile(join(outDir, 'sitemap-index.xml'), 'utf8')).toContain('sitemap-0.xml')
    for (const path of [
      '/',
      '/about/',
      '/services/',
      '/services/websites/',
      '/work/',
      '/work/orbital-labs/',
      '/contact/',
      '/studio/',
      '/studio/team/',
    ])
      expect(sitemap).toContain(`<loc>http://localhost:4321${path}</loc>`)
    expect(sitemap).not.toContain('/contact/thanks/')
    expect(sitemap).not.toContain('/search/')
    expect(await readFile(join(outDir, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml',
    )
    const rss = await readFile(join(outDir, 'rss.xml'), 'utf8')
    expect(rss).toContain('<link>http://localhost:4321/work/orbital-labs/</link>')
    expect(rss).toContain('<link>http://localhost:4321/work/nebula-coffee/</link>')
  })

  it('writes the search index of the published, routed pages, and the form the Worker fills', async () => {
    const index = loadSearchIndex(await readFile(join(outDir, 'search', 'index.json'), 'utf8'))
    const urls = (query: string) =>
      index
        .search(query, { prefix: true })
        .map((result) => result.id as string)
        .sort()
    // Every service, case study and routed page, nested ones at their URL; no draft, nothing under one.
    expect(index.documentCount).toBe(9)
    expect(urls('team')).toContain('/studio/team/')
    expect(index.search('Orbital Labs').map((result) => result.id)).toContain('/work/orbital-labs/')
    for (const secret of ['secret', 'roadmap', 'plans']) expect(urls(secret), secret).toEqual([])
    const page = await htmlOf(SEARCH_PAGE)
    expect(page).toMatch(/<form[^>]* action="\/search" method="get" role="search"/)
    expect(page).toMatch(/<label for="search-q"[^>]*>[^<]+<\/label>/)
    expect(page).toMatch(/<input id="search-q" type="search" name="q"[^>]* data-search-input/)
    // The Worker's markers, empty as built: the count (announced) and the results.
    expect(page).toMatch(/<p id="search-status"[^>]* role="status"[^>]* data-search-status[^>]*><\/p>/)
    expect(page).toMatch(/<div id="search-results"[^>]* data-search-results[^>]*><\/div>/)
    // Reachable from every page, without a script.
    for (const file of await sitePages())
      expect(await htmlOf(file), file).toContain('<li><a href="/search/">Search</a></li>')
  })

  it("ships no JavaScript except the contact form's small inline script and, on pages with a model, the 3D island", async () => {
    const withIsland = [
      'about/index.html',
      'index.html',
      'services/websites/index.html',
      'work/orbital-labs/index.html',
    ]
    for (const file of await sitePages()) {
      // JSON-LD is data, not script: browsers do not run it.
      let html = (await htmlOf(file)).replace(LD_JSON, '')
      if (withIsland.includes(file)) {
        // One island: its stage with the scene's props, and one module script, the boot script
        // (src/islands/page/boot.ts), which loads the scene later, in a worker where it can.
        expect(html.match(/ data-island-props="/g), file).toHaveLength(1)
        const scripts = html.match(/<script[^>]*>/g) ?? []
        expect(scripts, file).toHaveLength(1)
        expect(scripts[0], file).toMatch(/^<script type="module" src="\/_astro\/[\w.-]+\.js">$/)
        expect(html, file).not.toMatch(/rel="modulepreload"/)
        html = html.replace(/<script type="module" src="\/_astro\/[\w.-]+\.js"><\/script>/, '')
      }
      if (file === 'studio/index.html') {
        // A video that plays by itself: one small module script starts it (src/components/video/).
        const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
        expect(scripts, file).toHaveLength(1)
        expect(scripts[0]?.[0], file).toMatch(/^<script type="module"(?: src="\/_astro\/[\w.-]+\.js")?>/)
        html = html.replace(scripts[0]?.[0] ?? '', '')
      }
      if (file === 'contact/index.html' || file === SEARCH_PAGE) {
        // The form works without it; the script only submits in place (the contact form) or shows
        // results as the visitor types (search). No external script file.
        const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
        expect(scripts).toHaveLength(1)
        expect(scripts[0]?.[0]).not.toMatch(/\ssrc=/)
        expect(new TextEncoder().encode(scripts[0]?.[1]).length).toBeLessThan(2048)
        continue
      }
      expect(html, file).not.toMatch(/<script|\.m?js["'?]/i)
    }
  })

  it('renders the Video block: controls, no autoplay, preload none, the poster box, captions, a download link', async () => {
    const html = await htmlOf('work/nebula-coffee/index.html')
    const video = /<video[^>]*>/.exec(html)?.[0] ?? ''
    for (const attribute of [/\scontrols[\s>]/, /\spreload="none"/, /\splaysinline[\s>]/])
      expect(video).toMatch(attribute)
    // Nothing moves without a visitor's say: no autoplay attribute, and this one does not play by itself.
    expect(video).not.toMatch(/autoplay|muted|loop|data-plays-by-itself/)
    // The poster is what a visitor without JavaScript sees; its size reserves the box (no layout shift).
    const poster = /\sposter="(\/media\/[0-9a-f]{16}\.png)"/.exec(video)?.[1]
    expect(poster).toBeDefined()
    expect(video).toMatch(/\swidth="1280"/)
    expect(video).toMatch(/\sheight="720"/)
    expect(video).toContain('aria-label="Our showreel: satellites, planets and a coffee cup in orbit"')
    expect(html).toMatch(/<source src="\/media\/[0-9a-f]{16}\.webm" type="video\/webm">/)
    const source = /<source src="(\/media\/[0-9a-f]{16}\.webm)"/.exec(html)?.[1]
    const tracks = [...html.matchAll(/<track [^>]*>/g)].map((match) => match[0])
    expect(tracks).toHaveLength(2)
    expect(tracks[0]).toMatch(
      /kind="captions" src="\/media\/[0-9a-f]{16}\.vtt" srclang="en" label="English" default/,
    )
    expect(tracks[1]).toMatch(
      /kind="captions" src="\/media\/[0-9a-f]{16}\.vtt" srclang="fr" label="Français"/,
    )
    expect(tracks[1]).not.toMatch(/\sdefault/)
    expect(html).toContain(`<a href="${source}" download>Download the video (WebM)</a>`)
    expect(html).toContain('Our showreel')
    // Every file is published under /media/, its bytes what its name says.
    const tracksSrc = tracks.map((track) => /src="\/media\/([^"]+)"/.exec(track)?.[1])
    for (const [name, kind] of [
      [poster?.slice(7), 'image'],
      [source?.slice(7), 'video'],
      ...tracksSrc.map((name) => [name, 'captions']),
    ]) {
      const bytes = await readFile(join(outDir, 'media', String(name)))
      expect((await publishedMediaType(bytes))?.kind, name).toBe(kind)
    }
    // A page whose video waits for the visitor ships no script (checked for every page below), and
    // the reel that plays by itself still has no autoplay attribute: its script starts it.
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/)
    const reel = /<video[^>]*>/.exec(await htmlOf('studio/index.html'))?.[0] ?? ''
    expect(reel).toMatch(/\sdata-plays-by-itself[\s>]/)
    expect(reel).toMatch(/\scontrols[\s>]/)
    expect(reel).not.toMatch(/autoplay|muted|loop/)
    expect(await htmlOf('studio/index.html')).toMatch(
      /<source src="\/media\/[0-9a-f]{16}\.mp4" type="video\/mp4">/,
    )
    // The policy lets videos and captions load from the site's own /media/ (media-src falls back to
    // default-src 'self'); the reel's script is allowed by its hash (checked with every inline script above).
    const strict = (await readFile(join(outDir, '_headers'), 'utf8')).split(/\n(?=\/)/)[0] ?? ''
    expect(strict).toContain("Content-Security-Policy: default-src 'self';")
    expect(strict).not.toContain('media-src')
  })

  it('builds the dashboard 3D viewer as a frame only this origin may embed, out of the sitemap and search', async () => {
    const html = await htmlOf(VIEWER)
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toMatch(/<main class="viewer" data-island data-scene="deliverable" data-island-props="\{\}"/)
    expect(html.match(/<script[^>]*>/g)).toEqual([
      expect.stringMatching(/^<script type="module" src="\/_astro\//),
    ])
    expect(await readFile(join(outDir, 'sitemap-0.xml'), 'utf8')).not.toContain('/viewer/')
    const headers = await readFile(join(outDir, '_headers'), 'utf8')
    const rule = headers.split(/\n(?=\/)/).find((r) => r.startsWith('/viewer/\n')) ?? ''
    expect(rule).toContain("frame-ancestors 'self'")
    expect(rule).toContain('X-Frame-Options: SAMEORIGIN')
    // The viewer has an island, so the decoders are built with every site, models on its pages or not.
    expect(await listFiles(join(outDir, 'decoders'))).toContain('r187/draco/gltf/draco_decoder.wasm')
  })

  it('renders the contact form as a plain HTML form with the honeypot and no idempotency key', async () => {
    const html = await htmlOf('contact/index.html')
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<form class="contact-form" method="post" action="/api/contact"')
    expect(html).toMatch(
      /<input id="contact-website" name="website" type="text" tabindex="-1" autocomplete="off">/,
    )
    expect(html).not.toContain('idempotencyKey"')
    // For the studio analytics: the page's own path, written at build time, and the published
    // services (from the build's one read of the CMS) as an optional choice.
    expect(html).toContain('<input type="hidden" name="sourcePage" value="/contact/">')
    expect(html).toMatch(
      /<select id="contact-service" name="service">\s*<option value="">Not sure yet<\/option>\s*<option value="websites">Websites with depth<\/option>\s*<option value="interactive-3d">Interactive 3D<\/option>\s*<\/select>/,
    )
    expect(html).not.toContain('secret-service')
  })

  it('copies the model files the pages use into models/, byte for byte, and the decoders into decoders/', async () => {
    const files = await listFiles(outDir)
    const shipped = files.filter((f) => f.startsWith('models/')).sort()
    const referenced = new Set<string>()
    for (const page of files.filter((f) => f.endsWith('.html')))
      for (const [, key] of (await htmlOf(page)).matchAll(/\/(models\/[a-z0-9-]+\/[a-z0-9.-]+)/g))
        referenced.add(key ?? '')
    expect(shipped).toEqual([...referenced].sort())
    // Both models, each with three levels and four poster files; never the CMS's manifest.
    expect(shipped.filter((f) => f.endsWith('.glb'))).toHaveLength(6)
    expect(shipped.filter((f) => /\.poster-\d+\.[0-9a-f]{16}\.(avif|webp)$/.test(f))).toHaveLength(8)
    for (const key of shipped)
      expect(await readFile(join(outDir, key)), key).toEqual(await readFile(join(models.filesDir, key)))
    // Each file was read from the CMS once (at most: the loader keeps them in the cache).
    const fetched = cms.requests.filter((p) => p.startsWith('/api/model-assets/'))
    expect(new Set(fetched).size).toBe(fetched.length)
    expect(files.filter((f) => f.startsWith('decoders/')).sort()).toEqual(
      [
        'draco/gltf/draco_worker.js',
        'draco/gltf/draco_decoder.wasm',
        'basis/basis_worker.js',
        'basis/basis_transcoder.wasm',
        'meshopt_decoder.module.js',
      ]
        .map((decoder) => `decoders/r187/${decoder}`)
        .sort(),
    )
    // The workers are three's worker code after the decoder's glue (no separate glue file ships).
    const draco = await readFile(join(outDir, 'decoders/r187/draco/gltf/draco_worker.js'), 'utf8')
    expect(draco).toContain('var DracoDecoderModule')
    expect(draco).toMatch(/onmessage = function/)
    const basis = await readFile(join(outDir, 'decoders/r187/basis/basis_worker.js'), 'utf8')
    expect(basis).toMatch(/let _EngineFormat = \{/)
    expect(basis).toContain('var BASIS')
    expect(basis).toContain("self.addEventListener( 'message'")
    // three's loaders point at those copies: no second set of decoders under _astro/.
    expect(files.filter((f) => /^_astro\/.*(draco|basis)/i.test(f) && !/loader\./i.test(f))).toEqual([])
  })

  it('shows each model poster-first: a picture of AVIF and WebP, its size and text alternative, and the island over it', async () => {
    const page = await htmlOf('work/orbital-labs/index.html')
    const figure =
      /<figure class="model" data-island data-scene="room">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? ''
    expect(figure).toMatch(
      /<div class="model__stage" style="aspect-ratio: 1200 \/ 900; background-color: #0b0d12" data-island-props="[^"]+">/,
    )
    expect(figure).toMatch(
      /<source type="image\/avif" srcset="\/models\/capsule\/capsule\.poster-600\.[0-9a-f]{16}\.avif 600w, \/models\/capsule\/capsule\.poster-1200\.[0-9a-f]{16}\.avif 1200w"/,
    )
    expect(figure).toMatch(/<source type="image\/webp" srcset="[^"]+ 600w, [^"]+ 1200w"/)
    expect(figure).toMatch(
      /<img src="\/models\/capsule\/capsule\.poster-1200\.[0-9a-f]{16}\.webp" width="1200" height="900" alt="A flattened teal capsule" loading="lazy" decoding="async">/,
    )
    // The island gets the levels (smallest last) on the site's own origin, not the CMS's.
    const props = /data-island-props="([^"]*)"/.exec(figure)?.[1]?.replaceAll('&quot;', '"') ?? ''
    expect(
      [...props.matchAll(/\/models\/capsule\/capsule\.lod(\d)\.[0-9a-f]{16}\.glb/g)].map((m) => m[1]),
    ).toEqual(['0', '1', '2'])
    expect(props).not.toContain('127.0.0.1')
    // The case study's hero image stays the page's first, eager image.
    expect(page.indexOf('fetchpriority="high"')).toBeLessThan(page.indexOf('<figure class="model"'))

    // A service's planet, the about page's model3d block with its caption, and the home page's orbit:
    // a list of real links to every service, one per planet.
    expect(await htmlOf('services/websites/index.html')).toMatch(
      /<figure class="model" data-island data-scene="planet">/,
    )
    expect(await htmlOf('about/index.html')).toMatch(
      /data-scene="room">[\s\S]*<figcaption>Our planet, live<\/figcaption>/,
    )
    const home = await htmlOf('index.html')
    expect(home).toMatch(/<ul class="orbit__links" id="orbit-links">/)
    expect(home).toContain('<a href="/services/websites/" data-planet="0">')
    expect(home).toContain('<a href="/services/interactive-3d/" data-planet="1">')
    expect(await htmlOf('services/interactive-3d/index.html')).not.toMatch(
      /<[^>]+\sdata-island[\s>]|data-island-props/,
    )
    expect(buildLog).toMatch(/models: model 104 left out: /)
  })
})
