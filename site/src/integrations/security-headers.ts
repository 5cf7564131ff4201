import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { DECODER_WORKERS } from '../islands/decoder-workers.ts'
import { builtFileFacts, FACTS_CACHE } from '../lib/built-file-facts.ts'
import { headersFile, inlineScriptHashes } from '../lib/security-headers.ts'
import { decodersPath, hasIsland, SCENE_WORKER_DIR } from './islands.ts'

/**
 * After the build, writes `_headers` (read by Cloudflare's static assets) so the static pages carry
 * the same security headers as the Worker's responses, with a CSP hashing the build's inline scripts.
 */
export function securityHeaders(): AstroIntegration {
  let cacheFile: string
  return {
    name: 'kairo:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = fileURLToPath(new URL(`${FACTS_CACHE}security-headers.json`, config.cacheDir))
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        // Each page's inline script hashes and whether it has an island, read only from pages that
        // changed since the last build (src/lib/built-file-facts.ts).
        const pages = await builtFileFacts({
          outDir,
          cacheFile,
          include: (file) => file.endsWith('.html'),
          read: (bytes) => {
            const html = bytes.toString('utf8')
            return { hashes: inlineScriptHashes([html]), island: hasIsland(html) }
          },
        })
        const hashes = [...new Set([...pages.values()].flatMap((page) => page.hashes))].sort()
        // `work/x/index.html` is served at `/work/x/`, `index.html` at `/`.
        const islandPaths = [...pages]
          .filter(([, page]) => page.island)
          .map(([file]) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
          .sort()
        // The islands integration writes the decoders' workers when some page has an island.
        const decoders = await decodersPath()
        const decoderWorkers =
          islandPaths.length > 0 ? Object.values(DECODER_WORKERS).map((file) => `${decoders}${file}`) : []
        await writeFile(
          join(outDir, '_headers'),
          headersFile(hashes, { islandPaths, decoderWorkers, sceneWorker: `/${SCENE_WORKER_DIR}*` }),
        )
        logger.info(`_headers: CSP allows ${hashes.length} inline script(s) by hash`)
      },
    },
  }
}
