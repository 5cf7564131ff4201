import { createHash } from 'node:crypto'
import { access, mkdir, writeFile } from 'node:fs/promises'
import type { Loader, LoaderContext } from 'astro/loaders'
import { type MediaKind, publishedMediaType } from '../lib/media-type.ts'
import { videoRelations } from '../lib/video.ts'
import { cmsGet, fetchFailure } from './cms-get.ts'
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
  mimeType?: string | null
  updatedAt?: string
  sizes?: Record<string, SizeDoc | undefined>
  /** A video's poster image (an id at depth 0). */
  poster?: unknown
  /** A video's captions: each a WebVTT media item (an id at depth 0), its language and label. */
  captions?: Array<{ file?: unknown; language?: string | null; label?: string | null }> | null
}
/** A video's or captions file's own file (images have sized variants instead). */
export interface MediaFileRef {
  src: string
  type: string
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

/** The kind a media document says it is: a video or captions file by its MIME type, else an image. */
export function declaredKind(doc: MediaDoc): MediaKind {
  if (doc.mimeType?.startsWith('video/')) return 'video'
  return doc.mimeType === 'text/vtt' ? 'captions' : 'image'
}

/**
 * Downloads one file into the cache, named by a hash of its bytes and the type they show; returns
 * its site path and type, or null (nothing written) when the bytes are not of the kind expected
 * (an image for a picture's sizes, a video, a WebVTT file) or nothing the site publishes.
 */
async function download(
  url: string,
  kind: MediaKind,
  dir: URL,
  cmsUrl: string,
  timeoutMs: number,
): Promise<MediaFileRef | null> {
  const absolute = cmsFileUrl(url, cmsUrl)
  const response = await cmsGet(absolute, timeoutMs).catch((error: unknown) => {
    throw new PayloadLoaderError(
      `Cannot fetch media ${absolute} from CMS_URL=${cmsUrl}: ${fetchFailure(error)}`,
    )
  })
  if (!response.ok)
    throw new PayloadLoaderError(
      `The CMS at CMS_URL=${cmsUrl} answered ${response.status} to GET ${absolute}`,
    )
  const bytes = new Uint8Array(await response.arrayBuffer())
  // Named by what the bytes are, never by the URL's extension or the server's content type.
  const media = await publishedMediaType(bytes)
  if (media?.kind !== kind) return null
  // Content-addressed: the same bytes under two documents are stored (and shipped) once, and a
  // replaced file gets a new name, so `/media/*` can be cached as immutable.
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${media.extension}`
  const file = new URL(name, dir)
  if (
    !(await access(file).then(
      () => true,
      () => false,
    ))
  )
    await writeFile(file, bytes)
  return { src: `/media/${name}`, type: media.type }
}

const SKIPPED: Record<MediaKind, string> = {
  image: 'a PNG, JPEG, WebP, GIF or AVIF image',
  video: 'an MP4 or WebM video',
  captions: 'a WebVTT file',
}

/**
 * A loader for Payload's `media` collection: one bulk read (`/api/media?pagination=false&depth=0`),
 * then each image's original and CMS-generated sizes, each video and each captions file are
 * downloaded once into Astro's cache folder, named by a hash of their bytes. Entries (keyed by id)
 * hold `alt` and, per image size, the site path and pixel size; a video or captions file holds its
 * `file` instead, and a video its `poster` and `captions` (ids of other entries). The `copy-media`
 * integration copies the files pages reference into `dist/media/`, so the built site never reads the
 * CMS at runtime.
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
        const files = [
          ...Object.values((stored?.data.variants ?? {}) as Record<string, MediaVariant>),
          ...(stored?.data.file ? [stored.data.file as MediaFileRef] : []),
        ]
        const present = await Promise.all(
          files.map((v) =>
            access(new URL(v.src.slice(7), dir)).then(
              () => true,
              () => false,
            ),
          ),
        )
        if (stored?.digest === digest && present.every(Boolean)) continue

        const kind = declaredKind(doc)
        if (kind !== 'image') {
          const file = doc.url ? await download(doc.url, kind, dir, cmsUrl, timeoutMs) : null
          if (doc.url) downloads++
          if (!file) logger.warn(`media: ${doc.id} skipped: its bytes are not ${SKIPPED[kind]}`)
          const related = kind === 'video' ? videoRelations(doc) : {}
          const data = await parseData({ id, data: { alt: doc.alt ?? '', variants: {}, file, ...related } })
          store.set({ id, data, digest })
          continue
        }
        // Downloaded side by side, stored in the document's order: the entry's data must not depend on
        // which download finished first (the incremental build's keys digest it; a reordered object
        // once changed every page's key after the media store was refilled).
        const downloaded = await Promise.all(
          mediaFiles(doc).map(
            async ([size, file]) =>
              [size, file, await download(file.url, 'image', dir, cmsUrl, timeoutMs)] as const,
          ),
        )
        const variants: Record<string, MediaVariant> = {}
        for (const [size, file, image] of downloaded) {
          downloads++
          if (image) variants[size] = { src: image.src, width: file.width, height: file.height }
          else logger.warn(`media: ${doc.id} (${size}) skipped: its bytes are not ${SKIPPED.image}`)
        }
        const data = await parseData({ id, data: { alt: doc.alt ?? '', variants } })
        store.set({ id, data, digest })
      }
      for (const key of store.keys().filter((k) => !seen.has(k))) store.delete(key)
      logger.info(`media: ${body.docs.length} entries, ${downloads} files downloaded`)
    },
  }
}
