import { createHash } from 'node:crypto'
import { access, mkdir, writeFile } from 'node:fs/promises'
import type { Loader, LoaderContext } from 'astro/loaders'
import { publishedImageType } from '../lib/image-type.ts'
import { fetchJson, PayloadLoaderError } from './payload-loader.ts'

/** The CMS-generated sizes the site uses (cms/src/collections/Media: thumbnail, card, feature, og). */
export const MEDIA_SIZES = ['thumbnail', 'card', 'feature', 'og'] as const
/** Where downloaded files wait, inside Astro's cache folder, until the build copies the used ones. */
export const MEDIA_CACHE = 'kairo-media/'

export interface PayloadMediaLoaderOptions {
  cmsUrl: string
  timeoutMs?: number
  offline?: boolean
}

interface SizeDoc {
  url?: string | null
  width?: number | null
  height?: number | null
}
/** A `media` document as the CMS's REST API sends it. */
export interface MediaDoc extends SizeDoc {
  id: number | string
  alt?: string | null
  updatedAt?: string
  sizes?: Record<string, SizeDoc | undefined>
}
/** One stored file: a site path (`/media/<hash>.<ext>`) with its pixel size. */
export interface MediaVariant {
  src: string
  width: number
  height: number
}

/**
 * Where a file the CMS names can be fetched. Payload writes its own file route on its configured
 * `serverURL`, which need not be the origin the build reaches it at (another port, an internal host):
 * that route is read from CMS_URL. Any other absolute URL (a storage adapter's CDN) is kept as it is.
 */
export function cmsFileUrl(url: string, cmsUrl: string): URL {
  const given = new URL(url, cmsUrl)
  return given.pathname.startsWith('/api/media/file/')
    ? new URL(`${given.pathname}${given.search}`, cmsUrl)
    : given
}

/** One file of a media document: its URL on the CMS and its pixel size. */
export interface MediaFile {
  url: string
  width: number
  height: number
}

/** A media document's original and each size the site uses, as `[size, file]`, for those with a file. */
export function mediaFiles(doc: MediaDoc): Array<[string, MediaFile]> {
  const candidates: Array<[string, SizeDoc | undefined]> = [
    ['original', doc],
    ...MEDIA_SIZES.map((size): [string, SizeDoc | undefined] => [size, doc.sizes?.[size]]),
  ]
  const files: Array<[string, MediaFile]> = []
  for (const [size, file] of candidates) {
    if (file?.url && file.width && file.height)
      files.push([size, { url: file.url, width: file.width, height: file.height }])
  }
  return files
}

/**
 * Downloads one file into the cache, named by a hash of its bytes and the type they show; returns
 * its site path, or null (nothing written) when the bytes are not an image the site publishes.
 */
async function download(url: string, dir: URL, cmsUrl: string, timeoutMs: number): Promise<string | null> {
  const absolute = cmsFileUrl(url, cmsUrl)
  const response = await fetch(absolute, { signal: AbortSignal.timeout(timeoutMs) }).catch((e: Error) => {
    throw new PayloadLoaderError(`Cannot fetch media ${absolute} from CMS_URL=${cmsUrl}: ${e.message}`)
  })
  if (!response.ok)
    throw new PayloadLoaderError(
      `The CMS at CMS_URL=${cmsUrl} answered ${response.status} to GET ${absolute}`,
    )
  const bytes = new Uint8Array(await response.arrayBuffer())
  // Named by what the bytes are, never by the URL's extension or the server's content type.
  const image = await publishedImageType(bytes)
  if (!image) return null
  // Content-addressed: the same bytes under two documents are stored (and shipped) once, and a
  // replaced image gets a new name, so `/media/*` can be cached as immutable.
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${image.extension}`
  const file = new URL(name, dir)
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    await writeFile(file, bytes)
  return `/media/${name}`
}

/**
 * A loader for Payload's `media` collection: one bulk read (`/api/media?pagination=false&depth=0`),
 * then each image's original and CMS-generated sizes are downloaded once into Astro's cache folder,
 * named by a hash of their bytes. Entries (keyed by id) hold `alt` and, per size, the site path and
 * pixel size; the `copy-media` integration copies the files pages reference into `dist/media/`, so
 * the built site never reads the CMS at runtime.
 */
export function payloadMediaLoader(options: PayloadMediaLoaderOptions): Loader {
  const { cmsUrl, timeoutMs = 15_000, offline = false } = options
  const url = `${cmsUrl}/api/media?pagination=false&depth=0`
  return {
    name: 'payload-media-loader',
    async load({ store, meta, parseData, generateDigest, logger, config }: LoaderContext) {
      if (offline) {
        logger.warn(`media: offline, CMS not read; keeping ${store.keys().length} stored entries`)
        return
      }
      const body = (await fetchJson(url, cmsUrl, timeoutMs)) as { docs?: MediaDoc[] } | undefined
      if (!Array.isArray(body?.docs))
        throw new PayloadLoaderError(`The CMS at CMS_URL=${cmsUrl} sent an unexpected body for GET ${url}`)
      logger.info(`media: GET ${url} -> 200 (1 request)`)
      const dir = new URL(MEDIA_CACHE, config.cacheDir)
      await mkdir(dir, { recursive: true })
      if (meta.get('source') !== url) store.clear()
      meta.set('source', url)

      const seen = new Set<string>()
      let downloads = 0
      for (const doc of body.docs) {
        const id = String(doc.id)
        seen.add(id)
        const digest = generateDigest(doc as unknown as Record<string, unknown>)
        const stored = store.get(id)
        // Note: a cleared cache folder with an unchanged digest re-downloads (the files are checked).
        const files = Object.values((stored?.data.variants ?? {}) as Record<string, MediaVariant>)
        const present = await Promise.all(
          files.map((v) =>
            access(new URL(v.src.slice(7), dir)).then(
              () => true,
              () => false,
            ),
          ),
        )
        if (stored?.digest === digest && present.every(Boolean)) continue

        const variants: Record<string, MediaVariant> = {}
        await Promise.all(
          mediaFiles(doc).map(async ([size, file]) => {
            const src = await download(file.url, dir, cmsUrl, timeoutMs)
            downloads++
            if (src) variants[size] = { src, width: file.width, height: file.height }
            else
              logger.warn(
                `media: ${doc.id} (${size}) skipped: its bytes are not a PNG, JPEG, WebP, GIF or AVIF image`,
              )
          }),
        )
        const data = await parseData({ id, data: { alt: doc.alt ?? '', variants } })
        store.set({ id, data, digest })
      }
      for (const key of store.keys().filter((k) => !seen.has(k))) store.delete(key)
      logger.info(`media: ${body.docs.length} entries, ${downloads} files downloaded`)
    },
  }
}
