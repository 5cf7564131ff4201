import { publishedMediaType } from '../lib/media-type.ts'
import { cmsFileUrl, type MediaDoc } from '../loaders/media-loader.ts'

const PATH = /^\/preview\/captions\/([1-9]\d{0,15})\.vtt$/

/**
 * Where a draft's page finds a captions file: on the preview server's own origin. A `<track>` is
 * fetched in CORS mode, so one on the CMS's origin showed no captions in the preview (the public
 * site serves its copies from `/media/`, its own origin).
 */
export const previewCaptionsSrc = (id: string | number) => `/preview/captions/${id}.vtt`

/** The media id a preview captions path names, or undefined for any other path. */
export function parseCaptionsPath(pathname: string): string | undefined {
  return PATH.exec(pathname)?.[1]
}

/**
 * `GET /preview/captions/<id>.vtt`: the captions file of media document `id`, read from the CMS (the
 * same public read as the build's media loader). Only a document the CMS holds as WebVTT, whose bytes
 * are WebVTT, is passed on: the preview server is no proxy for anything else.
 */
export async function previewCaptions(cmsUrl: string, id: string, timeoutMs = 15_000): Promise<Response> {
  const notFound = () =>
    new Response('There are no such captions.', { status: 404, headers: { 'content-type': 'text/plain' } })
  try {
    const answer = await fetch(`${cmsUrl}/api/media/${id}?depth=0`, {
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!answer.ok) return notFound()
    const doc = (await answer.json()) as MediaDoc
    if (doc.mimeType !== 'text/vtt' || !doc.url) return notFound()
    const file = await fetch(cmsFileUrl(doc.url, cmsUrl), { signal: AbortSignal.timeout(timeoutMs) })
    if (!file.ok) return notFound()
    const bytes = new Uint8Array(await file.arrayBuffer())
    if ((await publishedMediaType(bytes))?.kind !== 'captions') return notFound()
    return new Response(bytes, {
      headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'no-store' },
    })
  } catch {
    return new Response('The CMS cannot be reached; try again in a moment.', {
      status: 502,
      headers: { 'content-type': 'text/plain' },
    })
  }
}
