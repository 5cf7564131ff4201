import type { MediaData } from '../lib/media.ts'
import { videoRelations } from '../lib/video.ts'
import { cmsFileUrl, declaredKind, type MediaDoc, mediaFiles } from '../loaders/media-loader.ts'
import { fetchJson, PayloadLoaderError } from '../loaders/payload-loader.ts'
import { previewCaptionsSrc } from './captions.ts'

/**
 * Every media document, with its files served by the CMS itself (captions through this server): a
 * draft may use an image uploaded after the preview server was built, which no copied `/media/` file
 * holds. One request, the same public read as the build's media loader
 * (`/api/media?pagination=false&depth=0`), per preview.
 */
export async function fetchCmsMedia(cmsUrl: string, timeoutMs = 15_000): Promise<Map<string, MediaData>> {
  const url = `${cmsUrl}/api/media?pagination=false&depth=0`
  const body = (await fetchJson(url, cmsUrl, timeoutMs)) as { docs?: MediaDoc[] } | undefined
  if (!Array.isArray(body?.docs))
    throw new PayloadLoaderError(`The CMS at CMS_URL=${cmsUrl} sent an unexpected body for GET ${url}`)
  return new Map(
    body.docs.map((doc): [string, MediaData] => [
      String(doc.id),
      {
        alt: doc.alt ?? '',
        variants: Object.fromEntries(
          mediaFiles(doc).map(([size, file]) => [
            size,
            { src: cmsFileUrl(file.url, cmsUrl).href, width: file.width, height: file.height },
          ]),
        ),
        // A video as the CMS serves it (its bytes were checked on upload); captions through the
        // preview server's own origin, as a <track> needs (./captions.ts).
        ...(declaredKind(doc) !== 'image' && doc.url && doc.mimeType
          ? {
              file: {
                src:
                  declaredKind(doc) === 'captions'
                    ? previewCaptionsSrc(doc.id)
                    : cmsFileUrl(doc.url, cmsUrl).href,
                type: doc.mimeType,
              },
            }
          : {}),
        ...(declaredKind(doc) === 'video' ? videoRelations(doc) : {}),
      },
    ]),
  )
}
