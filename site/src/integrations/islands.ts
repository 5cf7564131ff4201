import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { builtFileFacts, FACTS_CACHE } from '../lib/built-file-facts.ts'
import { MODELS_CACHE } from '../loaders/models-loader.ts'
import { decoderWorkerScripts } from './decoder-workers.ts'

const require = createRequire(import.meta.url)
// `three` resolves to build/three.cjs; its package root is one folder up.
const threeRoot = dirname(dirname(require.resolve('three')))
const threeLibs = join(threeRoot, 'examples', 'jsm', 'libs')

/**
 * The decoder files islands may need, copied as they are, relative to three's `examples/jsm/libs/`
 * (also their path under `/decoders/r<rev>/`). The Draco and Basis glue (`*_wasm_wrapper.js`,
 * `basis_transcoder.js`) is not among them: it ships inside the worker scripts
 * (decoder-workers.ts), which are written next to these.
 */
export const DECODER_FILES = [
  'draco/gltf/draco_decoder.wasm',
  'basis/basis_transcoder.wasm',
  'meshopt_decoder.module.js',
]

/** `/decoders/r187/`: the decoders' folder, named by the installed three.js revision (as `REVISION` in the browser). */
export async function decodersPath(): Promise<string> {
  const { version } = JSON.parse(await readFile(join(threeRoot, 'package.json'), 'utf8')) as {
    version: string
  }
  return `/decoders/r${version.split('.')[1]}/`
}

/** Where the scenes' worker and its chunks are built, under the site's root. */
export const SCENE_WORKER_DIR = '_astro/scene/'

/** Whether a built page has a 3D island: a stage with a scene's props (src/islands/page/boot.ts). */
export const hasIsland = (html: string): boolean => html.includes('data-island-props=')

const TYPES: Record<string, string> = {
  glb: 'model/gltf-binary',
  avif: 'image/avif',
  webp: 'image/webp',
  ktx2: 'image/ktx2',
  js: 'text/javascript',
  wasm: 'application/wasm',
}
const typeOf = (name: string) => TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream'
/** A model file as pages reference it: `/models/<name>/<file>` (src/lib/models.ts). */
const REFERENCE = /\/(models\/[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9.-]*\.(?:glb|avif|webp|ktx2))/g

/** What `astro dev` serves at `path`: a decoder, a decoder's worker script or a model file; else undefined. */
async function devFile(path: string, decoders: string, cache: URL): Promise<Buffer | string | undefined> {
  if (path.startsWith(decoders)) {
    const name = path.slice(decoders.length)
    if (DECODER_FILES.includes(name)) return readFile(join(threeLibs, name))
    return (await decoderWorkerScripts(threeLibs)).get(name)
  }
  if (new RegExp(`^${REFERENCE.source}$`).test(path)) return readFile(new URL(path.slice(1), cache))
  return undefined
}

/**
 * The 3D islands' build side:
 * - bundles the scenes' worker (src/islands/worker/) as ES modules in `_astro/scene/`;
 * - after the build, copies the model files the pages reference (`/models/...` in any HTML file) from
 *   the models loader's cache into `dist/models/`, and three's decoders with their worker scripts into
 *   `dist/decoders/r<rev>/` (only when some page has an island), so nothing 3D is ever read from the
 *   CMS or a CDN at runtime;
 * - in `astro dev`, serves both from the same places.
 */
export function islands(): AstroIntegration {
  let cache: URL
  let factsFile: string
  return {
    name: 'kairo:islands',
    hooks: {
      'astro:config:setup': async ({ updateConfig }) => {
        // three's DRACOLoader and KTX2Loader name their decoders with `new URL('../libs/…',
        // import.meta.url)`, which Vite would copy into _astro/ as a second, unused set (1.8 MB):
        // point those defaults at the copies in /decoders/ instead.
        const decoders = await decodersPath()
        const decoderUrls = {
          name: 'kairo:three-decoder-urls',
          transform(code: string, id: string) {
            if (!/three\/examples\/jsm\/loaders\/(DRACO|KTX2)Loader\.js$/.test(id)) return null
            return code.replace(
              /new URL\(\s*'\.\.\/libs\/([^']+)',\s*import\.meta\.url\s*\)\.toString\(\)/g,
              (_: string, file: string) => JSON.stringify(`${decoders}${file}`),
            )
          },
        }
        // KTX2Loader's Zstandard decoder, on demand only (src/islands/zstd-on-demand.ts).
        const zstdOnDemand = {
          name: 'kairo:zstd-on-demand',
          enforce: 'pre' as const,
          resolveId(source: string, importer: string | undefined) {
            if (source !== '../libs/zstddec.module.js' || !importer?.endsWith('/loaders/KTX2Loader.js'))
              return null
            return fileURLToPath(new URL('../islands/zstd-on-demand.ts', import.meta.url))
          },
        }
        updateConfig({
          vite: {
            plugins: [decoderUrls, zstdOnDemand],
            // Two chunks pass Vite's 500 kB (minified, not gzipped) warning by design: the scenes'
            // core in the worker (three.js and React Three Fiber, about 770 kB, 200 KB gzip) and the
            // main-thread fallback (about 540 kB). Each is loaded whole or not at all; their budgets
            // are gzip sizes, printed and enforced by `pnpm bench:islands` (bench/README.md).
            build: { chunkSizeWarningLimit: 1000 },
            // The scenes' worker (islands/worker/scene-worker.tsx) is its own bundle: an ES module, so
            // the loaders it needs only for some levels stay separate chunks; in its own folder, so
            // `_headers` can give it the policy it runs under (security-headers.ts). Vite applies
            // only `worker.plugins` to it, hence the same plugins again.
            worker: {
              format: 'es',
              plugins: () => [decoderUrls, zstdOnDemand],
              rolldownOptions: {
                output: {
                  entryFileNames: `${SCENE_WORKER_DIR}[name].[hash].js`,
                  chunkFileNames: `${SCENE_WORKER_DIR}[name].[hash].js`,
                },
              },
            },
          },
        })
      },
      'astro:config:done': ({ config }) => {
        cache = new URL(MODELS_CACHE, config.cacheDir)
        factsFile = fileURLToPath(new URL(`${FACTS_CACHE}islands.json`, config.cacheDir))
      },
      'astro:server:setup': async ({ server }) => {
        const decoders = await decodersPath()
        server.middlewares.use((request, response, next) => {
          const path = (request.url ?? '').split('?')[0] ?? ''
          devFile(path, decoders, cache).then(
            (body) => {
              if (body === undefined) return next()
              response.setHeader('content-type', typeOf(path))
              response.end(body)
            },
            () => next(),
          )
        })
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir)
        // Each page's model files and island, read only from pages that changed since the last build.
        const pages = await builtFileFacts({
          outDir: out,
          cacheFile: factsFile,
          include: (file) => file.endsWith('.html'),
          read: (bytes) => {
            const html = bytes.toString('utf8')
            return {
              island: hasIsland(html),
              models: [...html.matchAll(REFERENCE)].flatMap((match) => match[1] ?? []),
            }
          },
        })
        const used = new Set([...pages.values()].flatMap((page) => page.models))
        const islandPages = [...pages.values()].filter((page) => page.island).length
        for (const key of used) {
          await mkdir(dirname(join(out, key)), { recursive: true })
          await copyFile(new URL(key, cache), join(out, key))
        }
        if (islandPages > 0) {
          const target = join(out, (await decodersPath()).slice(1))
          for (const file of DECODER_FILES) {
            await mkdir(dirname(join(target, file)), { recursive: true })
            await copyFile(join(threeLibs, file), join(target, file))
          }
          for (const [file, script] of await decoderWorkerScripts(threeLibs))
            await writeFile(join(target, file), script)
        }
        logger.info(
          `copied ${used.size} model files into models/; ${islandPages} pages with a 3D island` +
            (islandPages > 0 ? `, decoders in ${await decodersPath()}` : ''),
        )
      },
    },
  }
}
