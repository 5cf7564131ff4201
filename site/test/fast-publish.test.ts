import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { archiveDocs } from './fixture-server.ts'
import { type SiteFolders, startSiteFolders } from './site-folders.ts'

// The fast publisher (scripts/fast-publish.ts) against the fixture CMS, between real full builds
// (scripts/build.ts) and with a real render bundle (scripts/render-bundle.ts): what it writes must
// be what the next full build renders from the same content, byte for byte. Three builds and a
// bundle: 40-90 s.
let site: SiteFolders

const html = (page: string) => readFile(join(site.dist, page), 'utf8')
const mtimeOf = async (page: string) => (await stat(join(site.dist, page))).mtimeMs

const STUDY = 'work/orbital-labs/index.html'
const UNRELATED = 'work/nebula-coffee/index.html'

const fullBuild = () => site.build()

/** The fast publisher's answer: its exit code and its last line, parsed. */
async function fastPublish(
  ...edits: string[]
): Promise<{ code: number | null; result: Record<string, unknown> }> {
  const { code, output } = await site.run('fast-publish', edits)
  const last = output.trim().split('\n').at(-1) ?? ''
  try {
    return { code, result: JSON.parse(last) }
  } catch {
    throw new Error(`fast publish exited ${code} with:\n${output}`)
  }
}

const orbitalLabs = () => {
  const study = site.cms.docs.find((doc) => doc.slug === 'orbital-labs')
  if (!study) throw new Error('fixture lacks orbital-labs')
  return study
}

beforeAll(async () => {
  site = await startSiteFolders('fast-publish')
  await fullBuild()
  const bundle = await site.run('render-bundle')
  if (bundle.code !== 0) throw new Error(`the render bundle's build failed:\n${bundle.output}`)
}, 240_000)

afterAll(async () => {
  await site?.close()
})

describe('fast publish (scripts/fast-publish.ts)', () => {
  it('puts an edited case study live on its page, the listings and its services, as the full build renders them', async () => {
    const unrelatedBefore = await mtimeOf(UNRELATED)
    const study = orbitalLabs()
    study.summary = 'A summary published in a second.'
    study.updatedAt = '2026-12-03T10:00:00.000Z'

    const { code, result } = await fastPublish('case-studies:1')

    expect(code).toBe(0)
    expect(result.published).toEqual(['case-studies:1'])
    // Only what shows the study: its page, the published service that names it (websites), the three
    // listings. The other pages' keys matched the ones the last build recorded.
    expect(result.rendered).toBe(5)
    const pages = [STUDY, 'work/index.html', 'index.html', 'services/websites/index.html']
    for (const page of pages) expect(await html(page)).toContain('A summary published in a second.')
    // A page that does not show the study was neither rendered nor written.
    expect(await mtimeOf(UNRELATED)).toBe(unrelatedBefore)
    // Every page it wrote, the four above among them, as it wrote them.
    const files = result.files as string[]
    expect(files).toEqual(expect.arrayContaining(pages))
    const fast = new Map(await Promise.all(files.map(async (page) => [page, await html(page)] as const)))

    await fullBuild()

    for (const [page, bytes] of fast) expect(await html(page), page).toBe(bytes)
  }, 120_000)

  it('leaves to the full build an edit that moves a page, and one no longer published', async () => {
    const before = await html(STUDY)
    const study = orbitalLabs()

    study.slug = 'orbital-labs-renamed'
    const moved = await fastPublish('case-studies:1')
    expect(moved.code).toBe(3)
    expect(moved.result.left).toMatch(/slug/)

    study.slug = 'orbital-labs'
    study._status = 'draft'
    const unpublished = await fastPublish('case-studies:1')
    expect(unpublished.code).toBe(3)
    expect(unpublished.result.left).toMatch(/no longer published/)

    study._status = 'published'
    expect(await html(STUDY)).toBe(before)
  }, 60_000)

  it('refuses when the last full build did not finish, and when a build read the CMS after it', async () => {
    const stateFile = join(site.tmp, 'staging', '.kairo-build.json')
    const state = await readFile(stateFile, 'utf8')
    orbitalLabs().summary = 'Never published by the fast path.'

    await writeFile(stateFile, JSON.stringify({ ...JSON.parse(state), state: 'building' }))
    const interrupted = await fastPublish('case-studies:1')
    expect(interrupted.code).toBe(3)
    expect(interrupted.result.left).toMatch(/did not finish/)

    await writeFile(stateFile, JSON.stringify({ ...JSON.parse(state), syncedAt: 0 }))
    const staleStore = await fastPublish('case-studies:1')
    expect(staleStore.code).toBe(3)
    expect(staleStore.result.left).toMatch(/store is newer/)

    await writeFile(stateFile, state)
    expect(await html(STUDY)).not.toContain('Never published by the fast path.')
  }, 60_000)

  it('has the next full build restore a fast-published page whose edit was reverted before it', async () => {
    const study = orbitalLabs()
    const summary = study.summary
    study.summary = 'Published, then reverted.'
    expect((await fastPublish('case-studies:1')).code).toBe(0)
    expect(await html(STUDY)).toContain('Published, then reverted.')

    // Back to what the last full build had: its content is unchanged, so Astro skips the page.
    study.summary = summary
    await fullBuild()

    expect(await html(STUDY)).not.toContain('Published, then reverted.')
    expect(await html(STUDY)).toContain(String(summary))
  }, 120_000)

  it('publishes an edit on a later page of the listing, rendering that page and no other', async () => {
    const template = site.cms.docs.find((doc) => doc.slug === 'nebula-coffee')
    if (!template) throw new Error('fixture lacks nebula-coffee')
    site.cms.docs.push(...archiveDocs(template, 50))
    await fullBuild()
    const secondBefore = await mtimeOf('work/page/2/index.html')
    const oldest = site.cms.docs.find((doc) => doc.slug === 'archive-1')
    if (!oldest) throw new Error('the archive lacks archive-1')
    oldest.summary = 'The oldest project, published in a second.'
    oldest.updatedAt = '2026-12-04T10:00:00.000Z'

    const { code, result } = await fastPublish(`case-studies:${oldest.id}`)

    expect(code).toBe(0)
    // Its page, the listing's last page that shows its card, and the three pages always rendered.
    expect(result.rendered).toBe(5)
    expect(await html('work/page/3/index.html')).toContain('The oldest project, published in a second.')
    expect(await html('work/archive-1/index.html')).toContain('The oldest project, published in a second.')
    expect(await mtimeOf('work/page/2/index.html')).toBe(secondBefore)
    const fast = await html('work/page/3/index.html')

    await fullBuild()

    expect(await html('work/page/3/index.html')).toBe(fast)
  }, 180_000)
})
