import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The files scripts/build.ts and scripts/fast-publish.ts keep in the staging folder, beside the
 * build's output (and never synced into `dist/`).
 */
export const STATE_FILE = '.kairo-build.json'
export const FAST_JOURNAL_FILE = '.kairo-fast-publish.json'

/**
 * `building` while a build may be writing; `synced` once `dist/` matched the folder at `syncedAt`.
 * `sourceHash`: what the synced build was made from (scripts/source-hash.ts).
 */
export interface BuildState {
  state: 'building' | 'synced'
  syncedAt: number
  sourceHash?: string
}

/**
 * What fast publishes wrote since the last full build's sync: the edits (each one's later fast
 * publishes overlay them all again) and the files written into `dist/`, which the next full build
 * compares whatever its record says (scripts/build.ts).
 */
export interface FastJournal {
  edits: string[]
  files: string[]
}

/**
 * The folders the build script keeps (README "Incremental builds"): the staging folder, `dist/`, and
 * Astro's cache (where the content store is), moved by `SITE_BUILD_STAGING`, `SITE_BUILD_DIST` and
 * `SITE_BUILD_CACHE_DIR` (the bench and tests), else in the site.
 */
export function buildFolders(siteDir: string, env: Record<string, string | undefined> = process.env) {
  return {
    staging: env.SITE_BUILD_STAGING || join(siteDir, '.dist-staging'),
    dist: env.SITE_BUILD_DIST || join(siteDir, 'dist'),
    cache: env.SITE_BUILD_CACHE_DIR || join(siteDir, 'node_modules', '.astro'),
  }
}

/** A JSON file's value, or null when it is missing or unreadable. */
export async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T
  } catch {
    return null
  }
}

export const readBuildState = (staging: string) => readJson<BuildState>(join(staging, STATE_FILE))
export const writeBuildState = (staging: string, state: BuildState) =>
  writeFile(join(staging, STATE_FILE), JSON.stringify(state))

export const readFastJournal = async (staging: string): Promise<FastJournal> =>
  (await readJson<FastJournal>(join(staging, FAST_JOURNAL_FILE))) ?? { edits: [], files: [] }
export const writeFastJournal = (staging: string, journal: FastJournal) =>
  writeFile(join(staging, FAST_JOURNAL_FILE), JSON.stringify(journal))
