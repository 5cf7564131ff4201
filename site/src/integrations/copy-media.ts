import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { builtFileFacts, FACTS_CACHE } from '../lib/built-file-facts.ts'
import { publishedMediaType, publishedMediaTypeOf } from '../lib/media-type.ts'
import { MEDIA_CACHE } from '../loaders/media-loader.ts'

const REFERENCE = /\/media\/([0-9a-f]{16}\.[a-z0-9]{2,5})/g

/**
 * Copies the media files the built pages reference (`/media/<hash>.<ext>` in any HTML or XML file)
 * from the media loader's cache into `dist/media/`, so only used files ship, each once. Only images,
 * videos and captions are published: each file's bytes are read again and must be a PNG, JPEG, WebP,
 * GIF, AVIF, MP4, WebM or WebVTT whose type matches its extension (the static host types files by
 * extension); anything else is skipped with a build warning. In dev the same paths are served from
 * the cache, as those types only.
 */
export function copyMedia(): AstroIntegration {
  let cache: URL
  let factsFile: string
  return {
    name: 'kairo:copy-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = new URL(MEDIA_CACHE, config.cacheDir)
        factsFile = fileURLToPath(new URL(`${FACTS_CACHE}copy-media.json`, config.cacheDir))
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/media', (request, response, next) => {
          const name = (request.url ?? '').replace(/^\//, '').split('?')[0] ?? ''
          const type = publishedMediaTypeOf(name)
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
        // The media each page names, read only from pages that changed since the last build.
        const named = await builtFileFacts({
          outDir: out,
          cacheFile: factsFile,
          include: (file) => /\.(html|xml)$/.test(file),
          read: (bytes) => [...bytes.toString('utf8').matchAll(REFERENCE)].flatMap((match) => match[1] ?? []),
        })
        const used = new Set([...named.values()].flat())
        await mkdir(join(out, 'media'), { recursive: true })
        let copied = 0
        for (const name of used) {
          const bytes = await readFile(new URL(name, cache)).catch(() => null)
          const media = bytes && (await publishedMediaType(bytes))
          if (!bytes || !media || publishedMediaTypeOf(name) !== media.type) {
            logger.warn(
              `media/${name} skipped: ${bytes ? 'not an image, video or captions file of the type its name says' : 'not in the media cache'}`,
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
