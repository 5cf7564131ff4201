import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import {
  backup,
  buildSite,
  dataDir,
  localObjectStorageEnv,
  openStore,
  packageDir,
  resolveStores,
  restore,
  type SystemTarget,
  testSystem,
} from '@kairo/tools'
import { expect, type Page, test } from '@playwright/test'
import { demoProjects, demoUsers, signIn, withSql } from '../dashboard.ts'
import { requiredEnv, testUrls } from '../system.ts'

// The restore drill on the running e2e system (issue 11): back up, wipe the database and every bucket,
// restore, and check what people would notice. Named to run last (files run in name order, one
// worker): a restore that works leaves the system as it was, one that fails says so here first.
test.use({ javaScriptEnabled: false })

const s3Endpoint = `http://127.0.0.1:${testSystem.ports.s3}`
const publicBase = localObjectStorageEnv(s3Endpoint).R2_PUBLIC_URL

function systemTarget(): SystemTarget {
  const { stores, problems } = resolveStores(
    localObjectStorageEnv(s3Endpoint) as unknown as NodeJS.ProcessEnv,
    {
      s3Port: testSystem.ports.s3,
      s3DataDir: testSystem.s3.dataDir,
      wranglerState: join(dataDir, 'test-wrangler'),
    },
  )
  expect(problems).toEqual([])
  return { databaseUrl: requiredEnv('DATABASE_URL'), stores }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Every HTML file of site/dist, by path. */
async function builtHtml(): Promise<Map<string, Buffer>> {
  const dist = join(packageDir.site, 'dist')
  const pages = new Map<string, Buffer>()
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      const path = join(entry.parentPath, entry.name)
      pages.set(relative(dist, path), await readFile(path))
    }
  }
  return pages
}

/** The media and model files the pages load: published under `/media/` and `/models/`, or from R2. */
function referencedFiles(pages: Map<string, Buffer>): string[] {
  const urls = new Set<string>()
  const escaped = publicBase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const pattern = new RegExp(`(?:${escaped}/[^"'&\\s,)]+|(?<=["'\\s,(])/(?:media|models)/[^"'&\\s,)]+)`, 'g')
  for (const html of pages.values())
    for (const match of html.toString('utf8').matchAll(pattern)) urls.add(match[0])
  return [...urls].sort()
}

async function fileHashes(page: Page, urls: string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  for (const url of urls) {
    const response = await page.request.get(url.startsWith('/') ? `${testUrls.worker}${url}` : url)
    expect(response.status(), url).toBe(200)
    hashes[url] = sha256(await response.body())
  }
  return hashes
}

/** What the demo client sees: each project's name and each deliverable download's sha256. */
async function clientView(page: Page): Promise<Record<string, string[]>> {
  await signIn(page, demoUsers.client)
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto('/dashboard/projects')
  const projects = page.locator('main a[href^="/dashboard/projects/"]')
  const links = await projects.evaluateAll((anchors) =>
    anchors.map((a) => ({ name: a.textContent?.trim() ?? '', href: a.getAttribute('href') ?? '' })),
  )
  const view: Record<string, string[]> = {}
  for (const { name, href } of links) {
    await page.goto(href)
    const files = await page
      .locator('a[href*="/files/"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
    view[name] = []
    for (const file of files.sort()) {
      const response = await page.request.get(`${testUrls.worker}${file}`)
      expect(response.status(), file).toBe(200)
      view[name].push(`${file} ${sha256(await response.body())}`)
    }
  }
  await page.context().clearCookies()
  return view
}

test('backup, wipe and restore: the same site, the same client view, media and models resolve', async ({
  page,
}) => {
  test.setTimeout(480_000)
  const target = systemTarget()
  const build = () => buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
  const work = await mkdtemp(join(tmpdir(), 'kairo-e2e-restore-'))
  try {
    // Before: the site built from the current state, what the client sees, the files pages load.
    await build()
    const htmlBefore = await builtHtml()
    const files = referencedFiles(htmlBefore)
    expect(
      files.some((url) => /\/models\//.test(url)),
      'pages load 3D models',
    ).toBe(true)
    const filesBefore = await fileHashes(page, files)
    const viewBefore = await clientView(page)
    for (const project of demoProjects) expect(Object.keys(viewBefore)).toContain(project.name)
    expect(Object.values(viewBefore).flat().length, 'the demo client has deliverables').toBeGreaterThan(0)

    const archive = join(work, 'kairo.tar.gz')
    const written = await backup(target, { out: archive })
    expect(written.objects).toBeGreaterThan(0)

    // Wipe: both schemas and every bucket.
    await withSql((sql) => sql`drop schema app cascade; drop schema payload cascade`.simple())
    for (const location of target.stores) {
      const store = await openStore(location)
      try {
        for (const key of await store.keys()) await store.remove(key)
        expect(await store.keys()).toEqual([])
      } finally {
        await store.close()
      }
    }
    expect(await withSql((sql) => sql`select to_regclass('app.users') as users`)).toEqual([{ users: null }])

    const restored = await restore(target, {
      archive,
      force: false,
      payloadSecret: requiredEnv('PAYLOAD_SECRET'),
    })
    expect(restored.objects).toBe(written.objects)

    // After: the rebuilt site is byte-identical, the client sees the same, every file resolves.
    await build()
    const htmlAfter = await builtHtml()
    expect([...htmlAfter.keys()].sort()).toEqual([...htmlBefore.keys()].sort())
    for (const [path, html] of htmlBefore) expect(htmlAfter.get(path)?.equals(html), path).toBe(true)
    expect(await fileHashes(page, files)).toEqual(filesBefore)
    expect(await clientView(page)).toEqual(viewBefore)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
})
