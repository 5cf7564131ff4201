import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { publishedImageType, publishedTypeOf } from '../lib/image-type.ts'
import { MEDIA_CACHE } from '../loaders/media-loader.ts'

const REFERENCE = /\/media\/([0-9a-f]{16}\.[a-z0-9]{2,5})/g

/**
 * Copies the media files the built pages reference (`/media/<hash>.<ext>` in any HTML or XML file)
 * from the media loader's cache into `dist/media/`, so only used files ship, each once. Only images
 * are published: each file's bytes are read again and must be a PNG, JPEG, WebP, GIF or AVIF whose
 * type matches its extension (the static host types files by extension); anything else is skipped
 * with a build warning. In dev the same paths are served from the cache, as images only.
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
          const type = publishedTypeOf(name)
          if (!/^[0-9a-f]{16}\.[a-z0-9]{2,5}$/.test(name) || !type) return next()
          readFile(new URL(name, cache)).then(
            (bytes) => {
              response.setHeader('content-type', type)
              response.setHeader('x-content-type-options', 'nosniff')
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
        let copied = 0
        for (const name of used) {
          const bytes = await readFile(new URL(name, cache)).catch(() => null)
          const image = bytes && (await publishedImageType(bytes))
          if (!bytes || !image || publishedTypeOf(name) !== image.type) {
            logger.warn(
              `media/${name} skipped: ${bytes ? 'not an image of the type its name says' : 'not in the media cache'}`,
            )
            continue
          }
          await writeFile(join(out, 'media', name), bytes)
          copied++
        }
        logger.info(`copied ${copied} media files into media/`)
      },
    },
  }
}
