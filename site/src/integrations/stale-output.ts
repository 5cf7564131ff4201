import { readdir, readFile, rm, rmdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'

/** Astro's record of the incremental build (astro/dist/core/build/incremental.js), in `cacheDir`. */
const MANIFEST = 'incremental-build.json'

interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>
}

/** The output files (relative to the output folder) that the last build's record lists. */
async function keyedOutputs(cacheDir: URL): Promise<Set<string>> {
  const text = await readFile(new URL(MANIFEST, cacheDir), 'utf8').catch(() => '{}')
  const manifest = JSON.parse(text) as IncrementalManifest
  const files = new Set<string>()
  for (const route of Object.values(manifest.routes ?? {}))
    for (const path of Object.values(route.paths ?? {}))
      if (path.outputFile) files.add(decodeURIComponent(path.outputFile))
  return files
}

/**
 * With `SITE_BUILD_IN_PLACE=1` (scripts/build.ts), Astro does not empty its output folder, so a page
 * its incremental build skips stays where the last build left it, untouched (no copy, the same
 * mtime: the staging folder syncs into `dist/` by comparing only what changed). Everything else in
 * the folder is written again by every build. What is left over after the build is stale: a page
 * whose document was deleted or unpublished, an old bundle, a card no page names. This removes it:
 * every file older than the build's start that Astro's incremental record does not list.
 *
 * Must come first among the integrations, so the others' `astro:build:done` hooks see the output
 * without stale pages. Files at the top of the folder whose name starts with a dot are the build
 * script's own (its state file) and are kept.
 */
export function staleOutput(options: {
  enabled: boolean
  /** Files another integration writes after this one runs (the Open Graph cards), kept. */
  keep?: (file: string) => boolean
}): AstroIntegration {
  let cacheDir: URL
  let started = 0
  return {
    name: 'kairo:stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir
      },
      'astro:build:start': () => {
        started = Date.now()
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!options.enabled) return
        const outDir = fileURLToPath(dir)
        const keep = await keyedOutputs(cacheDir)
        const entries = await readdir(outDir, { recursive: true, withFileTypes: true })
        let removed = 0
        for (const entry of entries) {
          if (!entry.isFile()) continue
          const path = join(entry.parentPath, entry.name)
          const file = relative(outDir, path)
          if (
            keep.has(file) ||
            options.keep?.(file) ||
            (entry.parentPath === outDir && entry.name.startsWith('.'))
          )
            continue
          if ((await stat(path)).mtimeMs >= started) continue
          await rm(path, { force: true })
          removed++
        }
        await removeEmptyFolders(outDir, outDir)
        logger.info(`${removed} stale file(s) removed; ${keep.size} page(s) kept by the incremental build`)
      },
    },
  }
}

async function removeEmptyFolders(folder: string, root: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true }))
    if (entry.isDirectory()) await removeEmptyFolders(join(folder, entry.name), root)
  if (folder !== root && (await readdir(folder)).length === 0) await rmdir(folder)
}
