import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { DECODER_WORKERS } from '../islands/decoder-workers.ts'
import { headersFile, inlineScriptHashes } from '../lib/security-headers.ts'
import { decodersPath, hasIsland, SCENE_WORKER_DIR } from './islands.ts'

/**
 * After the build, writes `_headers` (read by Cloudflare's static assets) so the static pages carry
 * the same security headers as the Worker's responses, with a CSP hashing the build's inline scripts.
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'kairo:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'))
        const pages = await Promise.all(files.map((file) => readFile(join(outDir, file), 'utf8')))
        const hashes = inlineScriptHashes(pages)
        // `work/x/index.html` is served at `/work/x/`, `index.html` at `/`.
        const islandPaths = files
          .filter((_, i) => hasIsland(pages[i] ?? ''))
          .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
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
