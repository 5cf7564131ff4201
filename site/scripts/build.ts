import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAstroBuild } from './astro-env.ts'
import { acquireBuildLock } from './build-lock.ts'
import {
  buildFolders,
  FAST_JOURNAL_FILE,
  readBuildState,
  readFastJournal,
  STATE_FILE,
  writeBuildState,
} from './build-state.ts'
import { sourceHash } from './source-hash.ts'
import { syncDir } from './sync-dir.ts'

/**
 * `pnpm run build`: `astro build` into a staging folder, then `dist/` brought up to date from it
 * file by file. Astro empties its output folder before it writes, so building into `dist/` directly
 * left the served site empty (or half-written) for the length of a build, and broken after a failed
 * one; `wrangler dev` watching it could end up serving 404s. Now a failed build changes nothing and
 * a good one replaces only the files that differ.
 *
 * Incremental (README "Incremental builds"): the staging folder is kept between builds and Astro
 * builds into it in place (`SITE_BUILD_IN_PLACE=1`), so the pages its incremental build skips stay
 * there untouched; the sync then compares only files written since the last sync. A state file in
 * the staging folder says whether the last build ended cleanly; when one was interrupted, or failed
 * after it had started writing pages, the next build is a full one (`--force`), since the folder may
 * hold pages newer than Astro's record of them. Extra arguments go to `astro build`; `--force`
 * renders every page.
 *
 * One build runs at a time per staging folder (scripts/build-lock.ts): a second one, say a build run
 * by hand while the CMS rebuilds, waits for the first, so it never takes that build's `building`
 * state for an interrupted build and empties the folder under it.
 *
 * Fast publishes (scripts/fast-publish.ts) write a few pages into `dist/` between builds and list
 * them in the staging folder; the next build compares those files whatever the time says, so a page
 * the fast publisher wrote always ends as this build renders it, and then clears the list.
 *
 * Environment (for the bench and tests): `SITE_BUILD_STAGING` and `SITE_BUILD_DIST` move the two
 * folders (default `.dist-staging/` and `dist/` in the site).
 */
const siteDir = fileURLToPath(new URL('..', import.meta.url))
const { staging, dist } = buildFolders(siteDir)

/** Whether anything under `dir` was written at or after `since` (a failed build that got as far as its pages). */
async function writtenSince(dir: string, since: number): Promise<boolean> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === STATE_FILE || entry.name === FAST_JOURNAL_FILE) continue
    if ((await stat(join(entry.parentPath, entry.name))).mtimeMs >= since) return true
  }
  return false
}

const runAstro = (args: string[]) =>
  runAstroBuild(siteDir, ['--outDir', staging, ...args], { SITE_BUILD_IN_PLACE: '1' })

// One build at a time: a second one (a manual build while the CMS rebuilds) waits for the first.
await mkdir(dirname(staging), { recursive: true })
const lock = await acquireBuildLock(staging, ({ pid, since, file }) =>
  console.log(`waiting for the build already running (pid ${pid}, since ${since}; its lock: ${file})`),
)
const started = Date.now()
const args = process.argv.slice(2)
const previous = await readBuildState(staging)
// Before the build reads the CMS: the edits fast-published so far are in what it reads.
const fastJournal = await readFastJournal(staging)
const source = await sourceHash(siteDir)
// Interrupted or failed mid-way last time, or asked: start over, and render every page.
const fullBuild = previous?.state === 'building' || args.includes('--force')
if (fullBuild) {
  await rm(staging, { recursive: true, force: true })
  if (!args.includes('--force')) args.push('--force')
  console.log('full build: the last build did not finish (or --force was given)')
}
await mkdir(staging, { recursive: true })
await writeBuildState(staging, { state: 'building', syncedAt: previous?.syncedAt ?? 0 })

const code = await runAstro(args)
if (code !== 0) {
  // A build that failed before writing (the CMS unreachable, a bad answer) left the folder as the
  // last good build had it; one that failed while rendering left a mix, so the next one starts over.
  const clean = previous?.state === 'synced' && !(await writtenSince(staging, started))
  if (clean) await writeBuildState(staging, previous)
  console.error(
    `astro build failed (exit ${code}); dist/ was left as it was${clean ? '' : '; the next build is a full one'}`,
  )
  await lock.release()
  process.exit(code ?? 1)
}
const syncStarted = Date.now()
const result = await syncDir(staging, dist, {
  unchangedSince: fullBuild || previous?.state !== 'synced' ? undefined : previous.syncedAt,
  ignore: [STATE_FILE, FAST_JOURNAL_FILE],
  compare: fastJournal.files,
})
await writeBuildState(staging, { state: 'synced', syncedAt: syncStarted, sourceHash: source })
await rm(join(staging, FAST_JOURNAL_FILE), { force: true })
console.log(
  `dist/ updated in ${Date.now() - syncStarted} ms: ${result.written} written, ` +
    `${result.unchanged} unchanged, ${result.removed} removed (build and sync ${((Date.now() - started) / 1000).toFixed(1)} s)`,
)
await lock.release()
