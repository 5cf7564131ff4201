import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { archiveDocs } from './fixture-server.ts'
import { type SiteFolders, startSiteFolders } from './site-folders.ts'

// Incremental builds as the CMS's rebuilder runs them (`pnpm run build`: scripts/build.ts, staging
// folder kept, then synced into dist/), against the fixture CMS, with the content changed between
// builds. Four builds of the fixture site: 30-60 s.
let site: SiteFolders

const html = (page: string) => readFile(join(site.dist, page), 'utf8')
const mtimeOf = async (page: string) => (await stat(join(site.dist, page))).mtimeMs
/**
 * When the build last wrote a file in its staging folder, which the build keeps between runs: a page
 * Astro skips as unchanged is not written at all. (Astro's log says "(cached)" too, but it writes
 * that mark apart from the page's line, so other output can land between them under load.)
 */
const writtenAt = async (file: string) => (await stat(join(site.tmp, 'staging', file))).mtimeMs

const CHANGED = 'work/orbital-labs/index.html'
const UNRELATED = 'work/nebula-coffee/index.html'
/** Names only nebula-coffee's service, so orbital-labs is not among its work. */
const UNRELATED_SERVICE = 'services/interactive-3d/index.html'

const build = () => site.build()
/** Every page in dist/, sorted. */
const pagesIn = async (dir: string) =>
  (await readdir(dir, { recursive: true }))
    .map(String)
    .filter((file) => file.endsWith('index.html'))
    .sort()

beforeAll(async () => {
  site = await startSiteFolders('incremental')
  await build()
}, 150_000)

afterAll(async () => {
  await site?.close()
})

describe('incremental builds (scripts/build.ts)', () => {
  it('renders again only the pages that show a changed case study', async () => {
    const unrelatedBefore = await mtimeOf(UNRELATED)
    const serviceBefore = await mtimeOf(UNRELATED_SERVICE)
    const written = {
      unrelated: await writtenAt(UNRELATED),
      changed: await writtenAt(CHANGED),
      unrelatedCard: await writtenAt('og/work/nebula-coffee.jpg'),
      changedCard: await writtenAt('og/work/orbital-labs.jpg'),
    }
    const study = site.cms.docs.find((doc) => doc.slug === 'orbital-labs')
    if (!study) throw new Error('fixture lacks orbital-labs')
    study.summary = 'A summary changed between two builds.'
    study.updatedAt = '2026-12-01T10:00:00.000Z'

    await build()

    expect(await html(CHANGED)).toContain('A summary changed between two builds.')
    // The listing shows the case study's card with its summary.
    expect(await html('work/index.html')).toContain('A summary changed between two builds.')
    // The services it names list it among their work; the other service does not.
    expect(await html('services/websites/index.html')).toContain('A summary changed between two builds.')
    // Not rendered again: the build did not write it, and dist/ still has the very file it had.
    expect(await writtenAt(UNRELATED)).toBe(written.unrelated)
    expect(await writtenAt(CHANGED)).toBeGreaterThan(written.changed)
    expect(await mtimeOf(UNRELATED)).toBe(unrelatedBefore)
    expect(await mtimeOf(UNRELATED_SERVICE)).toBe(serviceBefore)
    // Its Open Graph card is unchanged too; the changed one's card was drawn again.
    expect(await writtenAt('og/work/nebula-coffee.jpg')).toBe(written.unrelatedCard)
    expect(await writtenAt('og/work/orbital-labs.jpg')).toBeGreaterThan(written.changedCard)
  }, 120_000)

  it('renders every page again when the site settings change', async () => {
    const before = await mtimeOf(UNRELATED)
    const serviceWritten = await writtenAt(UNRELATED_SERVICE)
    site.cms.settings = { ...site.cms.settings, footerText: 'a footer changed between two builds.' }

    await build()

    for (const page of [UNRELATED, CHANGED, UNRELATED_SERVICE, 'studio/team/index.html'])
      expect(await html(page)).toContain('a footer changed between two builds.')
    expect(await writtenAt(UNRELATED_SERVICE)).toBeGreaterThan(serviceWritten)
    expect(await mtimeOf(UNRELATED)).toBeGreaterThan(before)
  }, 120_000)

  it('renders every page again when a page the navigation links to moves', async () => {
    const studio = site.cms.collections.pages?.find((doc) => doc.slug === 'studio')
    if (!studio) throw new Error('fixture lacks the page studio')
    // The header links to `team`, which lives under `studio`: its URL changes with its parent's slug.
    studio.slug = 'the-studio'
    const written = await writtenAt(UNRELATED)

    await build()

    for (const page of [UNRELATED, UNRELATED_SERVICE, 'the-studio/team/index.html'])
      expect(await html(page)).toContain('href="/the-studio/team/"')
    expect(await writtenAt(UNRELATED)).toBeGreaterThan(written)
    // The pages at the old URLs are gone from dist/.
    await expect(stat(join(site.dist, 'studio/team/index.html'))).rejects.toThrow()
  }, 120_000)

  it('splits a long archive into listing pages, and an edit renders again only the page that shows it', async () => {
    const template = site.cms.docs.find((doc) => doc.slug === 'nebula-coffee')
    if (!template) throw new Error('fixture lacks nebula-coffee')
    // Fifty older projects: after the fixture's two, the listing has three pages.
    site.cms.docs.push(...archiveDocs(template, 50))

    await build()

    const cards = (page: string) => page.match(/<li class="card">/g)?.length ?? 0
    const first = await html('work/index.html')
    expect(cards(first)).toBe(24)
    expect(first).toContain('<nav class="pagination wrap" aria-label="Pages of case studies">')
    expect(first).toMatch(/<a href="\/work\/"[^>]*aria-current="page"/)
    expect(first).toMatch(/<a href="\/work\/page\/2\/" rel="next">/)
    const last = await html('work/page/3/index.html')
    expect(cards(last)).toBe(52 - 48)
    expect(last).toContain('<title>Work, page 3 of 3')
    expect(last).toMatch(/<a href="\/work\/page\/2\/" rel="prev">/)
    // Newest first: the oldest project closes the last page; the newest opens the second.
    expect(last).toContain('Archive summary number 1.')
    expect(await html('work/page/2/index.html')).toContain('Archive summary number 28.')
    // Later pages share the listing's card, and the sitemap has them.
    expect(last).toContain('/og/work.jpg')
    expect(await readFile(join(site.dist, 'sitemap-0.xml'), 'utf8')).toContain('/work/page/3/</loc>')
    // The home page's "Recent work" block shows the latest one, then links the listing.
    const home = await html('index.html')
    expect(home).not.toContain('href="/work/archive-')
    expect(home).toContain('<a href="/work/">All 52 case studies</a>')

    const secondWritten = await writtenAt('work/page/2/index.html')
    const lastWritten = await writtenAt('work/page/3/index.html')
    const oldest = site.cms.docs.find((doc) => doc.slug === 'archive-1')
    if (!oldest) throw new Error('the archive lacks archive-1')
    oldest.summary = 'The oldest project, described again.'
    oldest.updatedAt = '2026-12-04T10:00:00.000Z'

    await build()

    // An edit moves no card: the project stays last, on the page rendered again.
    expect(await html('work/page/3/index.html')).toContain('The oldest project, described again.')
    expect(await writtenAt('work/page/3/index.html')).toBeGreaterThan(lastWritten)
    expect(await writtenAt('work/page/2/index.html')).toBe(secondWritten)
  }, 240_000)

  it('runs a build started during another after it: dist/ keeps every page and ends with the later content', async () => {
    const pages = await pagesIn(site.dist)
    const stateFile = join(site.tmp, 'staging', '.kairo-build.json')
    const first = site.run('build', ['--config', 'test/build.config.ts'])
    // The second starts once the first is under way (its state file says so), as a build run by hand
    // while the CMS rebuilds would; the content changes in between.
    for (let waited = 0; !(await readFile(stateFile, 'utf8')).includes('"building"'); waited += 50) {
      if (waited > 60_000) throw new Error('the first build never started')
      await sleep(50)
    }
    const study = site.cms.docs.find((doc) => doc.slug === 'orbital-labs')
    if (!study) throw new Error('fixture lacks orbital-labs')
    study.summary = 'Changed while another build was running.'
    study.updatedAt = '2026-12-04T12:00:00.000Z'
    const second = site.run('build', ['--config', 'test/build.config.ts'])

    const [one, two] = await Promise.all([first, second])
    expect(one.code, one.output).toBe(0)
    expect(two.code, two.output).toBe(0)
    expect(two.output).toContain('waiting for the build already running')
    // The second did not take the first for an interrupted build and start over under it.
    expect(two.output).not.toContain('full build')
    expect(await pagesIn(site.dist)).toEqual(pages)
    expect(await html(CHANGED)).toContain('Changed while another build was running.')
  }, 240_000)
})
