import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAstroBuild } from './astro-env.ts'
import { readJson } from './build-state.ts'
import { sourceHash } from './source-hash.ts'

/**
 * The fast publisher's render bundle (README "Fast publish"): `astro build --config
 * astro.render.config.ts` into `SITE_RENDER_BUNDLE_DIR` (default `node_modules/.kairo-render/`), done
 * only when the site's source changed since the bundle was built (scripts/source-hash.ts), else a
 * no-op. Built aside and moved into place, so a fast publish never loads a half-written bundle. The
 * CMS's local rebuilder runs it after each good build; it takes about 10 s and reads nothing from
 * the CMS.
 */
const siteDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * Where the render bundle lives: `SITE_RENDER_BUNDLE_DIR`, else `node_modules/.kairo-render/` in the
 * site. Inside the site package only: the bundle imports React, three and the rest by name, which
 * Node resolves from the folders above it.
 */
export function renderBundleDir(env: Record<string, string | undefined> = process.env): string {
  const dir = resolve(env.SITE_RENDER_BUNDLE_DIR || join(siteDir, 'node_modules', '.kairo-render'))
  if (relative(siteDir, dir).startsWith('..') || isAbsolute(relative(siteDir, dir)))
    throw new Error(
      `SITE_RENDER_BUNDLE_DIR=${dir} is outside the site package (${siteDir}), where its imports resolve`,
    )
  return dir
}

/** What a render bundle was built from, kept beside it. */
export interface RenderBundleInfo {
  sourceHash: string
}

export const INFO_FILE = 'kairo-render.json'

export const readRenderBundleInfo = (dir: string) => readJson<RenderBundleInfo>(join(dir, INFO_FILE))

async function buildRenderBundle(dir: string, hash: string): Promise<void> {
  const building = `${dir}.building`
  await rm(building, { recursive: true, force: true })
  await mkdir(building, { recursive: true })
  const code = await runAstroBuild(siteDir, ['--config', 'astro.render.config.ts'], {
    SITE_CONTENT_OFFLINE: '1',
    SITE_RENDER_BUNDLE_DIR: join(building, 'bundle'),
    SITE_RENDER_CACHE_DIR: join(building, 'cache'),
  })
  if (code !== 0) {
    await rm(building, { recursive: true, force: true })
    throw new Error(`the render bundle's build exited ${code}`)
  }
  await writeFile(join(building, INFO_FILE), JSON.stringify({ sourceHash: hash } satisfies RenderBundleInfo))
  await rm(dir, { recursive: true, force: true })
  await rename(building, dir)
}

if (import.meta.main) {
  const dir = renderBundleDir()
  const hash = await sourceHash(siteDir)
  if ((await readRenderBundleInfo(dir))?.sourceHash === hash) {
    console.log(`render bundle up to date (${hash})`)
  } else {
    const started = performance.now()
    await buildRenderBundle(dir, hash)
    console.log(`render bundle built in ${((performance.now() - started) / 1000).toFixed(1)} s (${hash})`)
  }
}
