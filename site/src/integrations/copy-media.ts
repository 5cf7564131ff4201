import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { MEDIA_CACHE } from '../loaders/media-loader.ts'

const TYPES: Record<string, string> = {
  webp: 'image/webp',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  avif: 'image/avif',
  gif: 'image/gif',
}
const REFERENCE = /\/media\/([0-9a-f]{16}\.[a-z0-9]{2,5})/g

/**
 * Copies the media files the built pages reference (`/media/<hash>.<ext>` in any HTML or XML file)
 * from the media loader's cache into `dist/media/`, so only used files ship, each once. In dev the
 * same paths are served from the cache.
 */
export function copyMedia(): AstroIntegration {
  let cache: URL
  return {
    name: 'kairo:copy-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = new URL(MEDIA_CACHE, config.cacheDir)
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/media', (request, response, next) => {
          const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? ''
          if (!/^[0-9a-f]{16}\.[a-z0-9]{2,5}$/.test(name)) return next()
          readFile(new URL(name, cache)).then(
            (bytes) => {
              response.setHeader(
                'content-type',
                TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
              )
              response.end(bytes)
            },
            () => next(),
          )
        })
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir)
        const files = await readdir(out, { recursive: true, withFileTypes: true })
        const used = new Set<string>()
        for (const file of files) {
          if (!file.isFile() || !/\.(html|xml)$/.test(file.name)) continue
          const text = await readFile(join(file.parentPath, file.name), 'utf8')
          for (const match of text.matchAll(REFERENCE)) if (match[1]) used.add(match[1])
        }
        await mkdir(join(out, 'media'), { recursive: true })
        for (const name of used) await copyFile(new URL(name, cache), join(out, 'media', name))
        logger.info(`copied ${used.size} media files into media/`)
      },
    },
  }
}
