import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { buildCmsIfChanged, packageDir, type Service, seedAll, startCms } from '@kairo/tools'
import { startFileCms } from './build/file-cms.ts'
import { measure } from './build/measure-process.ts'
import { publishToLive } from './build/publish-live.ts'
import { startRecordingProxy } from './build/recording-proxy.ts'
import { type BuildFigures, type FastPublishFigures, report } from './build/report.ts'
import { benchSystem } from './lib/ports.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:build`: the site build on generated content. In one run, on a fresh database:
 *   (c) 100 case studies / 50 services built from the CMS (through a counting proxy),
 *   (a) CASE_STUDIES (default 1,000) case studies / 50 services built from the CMS, cold (every Open
 *   Graph card rendered) with the site's own build script, as the CMS's rebuilder runs it
 *   (`site/scripts/build.ts`: staging folder, incremental build, sync into a `dist`);
 *   then, at up to 1,000 case studies, alternating and twice each so a busy machine hurts both sides
 *   alike, the same site built (a) from the CMS and (b) from a JSON file of the CMS's answers served
 *   locally — each with a fresh content store and the cold build's card cache, so the comparison is
 *   the content path and the pages, not the card renderer both share;
 *   then with the build script again: a warm full build (nothing changed: every page cached); the
 *   fast publisher's render bundle built; one case study changed through the REST API, put live by
 *   the fast publisher (`site/scripts/fast-publish.ts`, as the CMS runs it on publish), timed from its
 *   start to the new HTML in the `dist` (polled every 20 ms), then the incremental build that follows
 *   it, whose pages must equal the fast publisher's byte for byte;
 * Prints pages, seconds, pages/s, peak RSS and CMS requests per build; exits 1 when the faster CMS
 * build takes more than 1.2× the faster JSON build, when the number of CMS reads grows with pages, or
 * when a goal of the incremental builds is missed (at 10,000: cold ≥ 100 pages/s, warm ≥ 200 pages/s,
 * one edit live within 3 s, peak RSS under 2 GB; below 10,000 these are printed, not enforced).
 */
const SMALL = { caseStudies: 100, services: 50 }
const LARGE = { caseStudies: Number(process.env.CASE_STUDIES ?? 1000), services: 50 }
/** The JSON comparison builds the site four more times: worth it up to 1,000 case studies. */
const JSON_ROUNDS = LARGE.caseStudies <= 1000 ? [1, 2] : []
const MAX_RATIO = 1.2
const GOALS = {
  coldPagesPerSecond: 100,
  warmPagesPerSecond: 200,
  editSeconds: 3,
  peakRssBytes: 2 * 1024 ** 3,
}
const BUILD_SCRIPT = join(packageDir.site, 'scripts', 'build.ts')
const FAST_PUBLISH_SCRIPT = join(packageDir.site, 'scripts', 'fast-publish.ts')
const RENDER_BUNDLE_SCRIPT = join(packageDir.site, 'scripts', 'render-bundle.ts')
const DEMO_EDITOR = { email: 'editor@kairo.studio', password: 'kairo-editor-demo' }
const SITE_URL = 'https://kairo.example'
const ASTRO = join(packageDir.site, 'node_modules', 'astro', 'bin', 'astro.mjs')

async function main(): Promise<boolean> {
  const started = performance.now()
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-build-'))
  const database = await openRunDatabase('kairo_bench_build')
  const options = { databaseUrl: database.databaseUrl, payloadSecret: database.payloadSecret, quiet: true }
  let cms: Service | undefined
  const proxy = await startRecordingProxy(`http://127.0.0.1:${benchSystem.build.cms}`)
  try {
    step(`site state: ${ogImageState()}`)
    step('seeding the demo content')
    await seedAll(options)
    await buildCmsIfChanged({ quiet: true })
    const generated = [await generate(options, SMALL)]
    step('starting the CMS (next start)')
    cms = await startCms({ ...options, mode: 'prod', port: benchSystem.build.cms })

    // Each build through the proxy, with the requests it made counted.
    const throughCms = async (name: string, caseStudies: number, dir: string, incremental = false) => {
      proxy.reset()
      const build = await astroBuild(name, caseStudies, proxy.url, join(work, dir), incremental)
      return { ...build, apiRequests: proxy.counts().api, fileRequests: proxy.counts().files }
    }
    const small = await throughCms('CMS, small set (c)', SMALL.caseStudies, 'small')
    generated.push(await generate(options, LARGE))
    // The site's build script (as the CMS's rebuilder runs it), each build counted at the proxy.
    const scripted = async (name: string) => {
      proxy.reset()
      const build = await scriptBuild(name, LARGE.caseStudies, proxy.url, join(work, 'large'))
      return { ...build, apiRequests: proxy.counts().api, fileRequests: proxy.counts().files }
    }
    const cold = await scripted('CMS, cold, cards rendered (a)')
    const dump = join(work, 'cms-responses.json')
    await writeFile(dump, JSON.stringify(Object.fromEntries(proxy.recorded)))

    const fileCms = await startFileCms(dump)
    const warm: Record<'cms' | 'json', BuildFigures[]> = { cms: [], json: [] }
    try {
      for (const round of JSON_ROUNDS) {
        const cardCache = (dir: string) => seedCardCache(join(work, 'large'), join(work, dir))
        await cardCache(`cms-${round}`)
        warm.cms.push(
          await throughCms(`CMS, cards cached (a${round})`, LARGE.caseStudies, `cms-${round}`, true),
        )
        await cardCache(`json-${round}`)
        const before = fileCms.counts()
        const json = await astroBuild(
          `JSON file, cards cached (b${round})`,
          LARGE.caseStudies,
          fileCms.url,
          join(work, `json-${round}`),
          true,
        )
        const after = fileCms.counts()
        const missing = after.missing - before.missing
        if (missing > 0) throw new Error(`the JSON file lacked ${missing} answers the build asked for`)
        warm.json.push({
          ...json,
          apiRequests: `${after.answered - before.answered} (file)`,
          fileRequests: '',
        })
      }
    } finally {
      await fileCms.close()
    }

    const warmFull = await scripted('CMS, warm full build, nothing changed')
    const bundle = await renderBundle(join(work, 'large'))
    step('changing one case study through the REST API, publishing it fast, then rebuilding incrementally')
    const changed = await editOneCaseStudy(proxy.url)
    proxy.reset()
    const fast = await fastPublish(join(work, 'large'), proxy.url, changed)
    const fastReads = proxy.counts().api
    const incremental = await scripted('CMS, one case study changed, after its fast publish')
    const agreed = [...fast.pages].filter(([file, html]) => pageIs(join(work, 'large', 'dist', file), html))
    step(
      `fast publish: live after ${fast.liveAfter?.toFixed(2)} s, ${JSON.stringify(fast.summary)}; ` +
        `the full build left ${agreed.length} of its ${fast.pages.size} pages as they were`,
    )
    // The same CMS address as the builds read (Payload's serverURL is in its answers), now rebuilding.
    await cms.stop()
    cms = undefined
    const publish = await publishToLive({
      ...options,
      dir: join(work, 'large'),
      renderBundleDir: renderBundleDirFor(join(work, 'large')),
      siteUrl: SITE_URL,
      ports: { cms: benchSystem.build.cms, worker: benchSystem.build.api },
      editor: DEMO_EDITOR,
      slug: changed.slug,
    })
    return report({
      builds: { small, cold, warm, warmFull, incremental },
      fast: { ...fast, reads: fastReads, agreed: agreed.length, bundleSeconds: bundle },
      publish,
      generated,
      changedSlug: changed.slug,
      elapsedMs: performance.now() - started,
      siteState: ogImageState(),
      goals: { ...GOALS, maxRatio: MAX_RATIO, enforced: LARGE.caseStudies >= 10_000 },
    })
  } finally {
    await cms?.stop()
    await proxy.close()
    await database.close()
    await rm(work, { recursive: true, force: true })
    await rm(renderBundleDirFor(join(work, 'large')), { recursive: true, force: true })
  }
}

/** Gives a fresh build folder the Open Graph cards an earlier build rendered, and nothing else. */
async function seedCardCache(fromDir: string, toDir: string): Promise<void> {
  await cp(join(fromDir, 'cache', 'kairo-og'), join(toDir, 'cache', 'kairo-og'), { recursive: true })
}

/** Adds generated documents until the totals are reached (Local API, see generate-content.ts). */
async function generate(
  options: { databaseUrl: string; payloadSecret: string },
  totals: { caseStudies: number; services: number },
): Promise<{ created: number; seconds: number }> {
  step(`generating content up to ${totals.caseStudies} case studies and ${totals.services} services`)
  const script = join(import.meta.dirname, 'build', 'generate-content.ts')
  const { code, output } = await measure('pnpm', ['exec', 'payload', 'run', script], {
    cwd: packageDir.cms,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PAYLOAD_SECRET: options.payloadSecret,
      CMS_URL: `http://localhost:${benchSystem.build.cms}`,
      SITE_REBUILD: 'off',
      CI: 'true',
      BENCH_CASE_STUDIES: String(totals.caseStudies),
      BENCH_SERVICES: String(totals.services),
    },
  })
  if (code !== 0) throw new Error(`the content generator exited ${code}:\n${output.slice(-3000)}`)
  const line = /BENCH_GENERATED (.*)/.exec(output)?.[1]
  if (!line) throw new Error(`the content generator printed no result:\n${output.slice(-2000)}`)
  return JSON.parse(line) as { created: number; seconds: number }
}

/** `astro build` into `dir/dist` with Astro's cache (the content store) in `dir/cache`. */
async function astroBuild(
  name: string,
  caseStudies: number,
  cmsUrl: string,
  dir: string,
  incremental = false,
): Promise<BuildFigures> {
  step(`astro build: ${name}`)
  const outDir = join(dir, 'dist')
  if (!incremental && existsSync(dir)) throw new Error(`${dir} should be fresh`)
  if (existsSync(outDir)) await rm(outDir, { recursive: true, force: true })
  const run = await measure(
    process.execPath,
    [ASTRO, 'build', '--config', 'test/build.config.ts', '--outDir', outDir],
    {
      cwd: packageDir.site,
      env: {
        ...process.env,
        CMS_URL: cmsUrl,
        SITE_URL,
        // test/build.config.ts is the real config with Astro's cache folder moved (it holds the content store).
        KAIRO_TEST_CACHE_DIR: join(dir, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
      },
    },
  )
  if (run.code !== 0) throw new Error(`astro build (${name}) exited ${run.code}:\n${run.output.slice(-4000)}`)
  const files = readdirSync(outDir, { recursive: true }).map(String)
  const pages = files.filter((file) => file.endsWith('index.html')).length
  const ogCards = files.filter((file) => /^og\/.*\.jpg$/.test(file)).length
  return { name, caseStudies, run, pages, ogCards, apiRequests: 0, fileRequests: 0 }
}

/**
 * `node site/scripts/build.ts` (the site's `pnpm run build`) with its staging folder, `dist` and
 * Astro's cache in `dir`, kept between calls.
 */
async function scriptBuild(
  name: string,
  caseStudies: number,
  cmsUrl: string,
  dir: string,
): Promise<BuildFigures> {
  step(`site build script: ${name}`)
  const outDir = join(dir, 'dist')
  // The site's own config, as the CMS's rebuilder runs it, so the publish-to-live phase's builds
  // continue these (the same config, the same cache) instead of starting over.
  const run = await measure(process.execPath, [BUILD_SCRIPT], {
    cwd: packageDir.site,
    env: { ...process.env, CMS_URL: cmsUrl, ...siteFolders(dir) },
  })
  if (run.code !== 0)
    throw new Error(`the site build (${name}) exited ${run.code}:\n${run.output.slice(-4000)}`)
  const files = readdirSync(outDir, { recursive: true }).map(String)
  const pages = files.filter((file) => file.endsWith('index.html')).length
  const ogCards = files.filter((file) => /^og\/.*\.jpg$/.test(file)).length
  // Astro colours its log even into a pipe: read it without the colour codes.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is matched
  const rendered = [...run.output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/├─ \S+ \(\+/g)].length
  return { name, caseStudies, run, pages, ogCards, apiRequests: 0, fileRequests: 0, rendered }
}

/**
 * The render bundle of the site in `dir`: inside the site package, where its imports resolve
 * (site/scripts/render-bundle.ts), named after `dir`; removed with it.
 */
const renderBundleDirFor = (dir: string) =>
  join(packageDir.site, 'node_modules', `.kairo-bench-render-${basename(dirname(dir))}`)

/** The site's folders in `dir`, as the build script and the fast publisher read them. */
const siteFolders = (dir: string) => ({
  SITE_URL,
  SITE_BUILD_CACHE_DIR: join(dir, 'cache'),
  SITE_BUILD_STAGING: join(dir, 'staging'),
  SITE_BUILD_DIST: join(dir, 'dist'),
  SITE_RENDER_BUNDLE_DIR: renderBundleDirFor(dir),
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: '0',
})

/** Builds the fast publisher's render bundle for the site in `dir`; its seconds. */
async function renderBundle(dir: string): Promise<number> {
  step("building the fast publisher's render bundle")
  const run = await measure(process.execPath, [RENDER_BUNDLE_SCRIPT], {
    cwd: packageDir.site,
    env: { ...process.env, ...siteFolders(dir) },
  })
  if (run.code !== 0)
    throw new Error(`the render bundle's build exited ${run.code}:\n${run.output.slice(-4000)}`)
  return run.seconds
}

/** `node site/scripts/fast-publish.ts case-studies:<id>` on the site in `dir`, as the CMS runs it on publish. */
async function fastPublish(
  dir: string,
  cmsUrl: string,
  changed: { id: number; slug: string; summary: string },
): Promise<Pick<FastPublishFigures, 'liveAfter' | 'seconds' | 'summary' | 'pages'>> {
  step(`fast publish: case-studies:${changed.id}`)
  const page = join(dir, 'dist', 'work', changed.slug, 'index.html')
  const started = performance.now()
  let liveAfter: number | undefined
  const poll = setInterval(() => {
    if (liveAfter === undefined && pageHas(page, changed.summary))
      liveAfter = (performance.now() - started) / 1000
  }, 20)
  const run = await measure(process.execPath, [FAST_PUBLISH_SCRIPT, `case-studies:${changed.id}`], {
    cwd: packageDir.site,
    env: { ...process.env, CMS_URL: cmsUrl, ...siteFolders(dir) },
  })
  clearInterval(poll)
  if (liveAfter === undefined && pageHas(page, changed.summary)) liveAfter = run.seconds
  if (run.code !== 0) throw new Error(`the fast publisher exited ${run.code}:\n${run.output.slice(-4000)}`)
  const summary = JSON.parse(run.output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  const files = Array.isArray(summary.files) ? summary.files.map(String) : []
  const pages = new Map(files.map((file) => [file, readFileSync(join(dir, 'dist', file), 'utf8')]))
  return { liveAfter, seconds: run.seconds, summary, pages }
}

function pageIs(file: string, html: string): boolean {
  try {
    return readFileSync(file, 'utf8') === html
  } catch {
    return false
  }
}

function pageHas(file: string, text: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(text)
  } catch {
    return false // Not there yet.
  }
}

/** Publishes a new summary on one generated case study as the demo editor, through the CMS's REST API. */
async function editOneCaseStudy(cmsUrl: string): Promise<{ id: number; slug: string; summary: string }> {
  const login = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_EDITOR),
  })
  const { token } = (await login.json()) as { token?: string }
  if (!token) throw new Error(`could not log in as ${DEMO_EDITOR.email} (${login.status})`)
  const headers = { authorization: `JWT ${token}`, 'content-type': 'application/json' }
  const found = await fetch(`${cmsUrl}/api/case-studies?where[slug][like]=bench-500-&limit=1&depth=0`, {
    headers,
  })
  const doc = ((await found.json()) as { docs: Array<{ id: number; slug: string }> }).docs[0]
  if (!doc) throw new Error('no generated case study to change')
  const summary = `Changed for the incremental build at ${new Date().toISOString()}.`
  const update = await fetch(`${cmsUrl}/api/case-studies/${doc.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ summary, _status: 'published' }),
  })
  if (!update.ok)
    throw new Error(`could not update case study ${doc.id}: ${update.status} ${await update.text()}`)
  return { id: doc.id, slug: doc.slug, summary }
}

/** Whether the site build renders Open Graph images (another change adds them): reported with the figures. */
function ogImageState(): string {
  const ogRoute = join(packageDir.site, 'src', 'pages', 'og')
  return existsSync(ogRoute)
    ? 'with build-time Open Graph images (src/pages/og/)'
    : 'without build-time Open Graph images'
}

function step(message: string): void {
  console.log(`bench | ${message}`)
}

runBenchmark(main)
