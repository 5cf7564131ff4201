import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { readSiteEnv } from '../src/lib/env.ts'

/** Besides everything under `src/`: what decides how the site's pages render. */
const FILES = ['astro.config.ts', 'astro.render.config.ts', 'package.json', '../pnpm-lock.yaml']

/**
 * A digest of what the site's HTML is made from: its source (`src/`, tests aside), its Astro configs, its package
 * manifest and the workspace's lockfile, and the public origin its pages link to (`SITE_URL`). Two
 * builds with the same digest render a page with the same content into the same bytes; the fast
 * publisher uses a render bundle only while its digest is the last full build's (scripts/fast-publish.ts).
 */
export async function sourceHash(
  siteDir: string,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const hash = createHash('sha256')
  const src = join(siteDir, 'src')
  const entries = await readdir(src, { recursive: true, withFileTypes: true })
  const files = [
    // Tests render nothing.
    ...entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
      .map((entry) => join(entry.parentPath, entry.name)),
    ...FILES.map((file) => join(siteDir, file)),
  ].sort()
  for (const file of files) {
    hash.update(relative(siteDir, file)).update('\0')
    hash.update(await readFile(file).catch(() => Buffer.from('(missing)'))).update('\0')
  }
  hash.update(readSiteEnv(env).siteUrl)
  return hash.digest('hex').slice(0, 32)
}
