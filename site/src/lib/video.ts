import type { MediaDoc } from '../loaders/media-loader.ts'
import { imageAttributes, type MediaData, mediaId } from './media.ts'

/** A video's poster and captions as entry ids, from its CMS document (depth 0 ids, or documents). */
export function videoRelations(doc: MediaDoc): Pick<MediaData, 'poster' | 'captions'> {
  const captions = (doc.captions ?? []).flatMap((caption) => {
    const file = mediaId(caption.file)
    return file && caption.language && caption.label
      ? [{ file, language: caption.language, label: caption.label }]
      : []
  })
  return { poster: mediaId(doc.poster), captions }
}

/** Everything a `<video>` element needs, resolved against the loaded media. */
export interface VideoView {
  src: string
  type: string
  /** The video's text alternative (its media item's alt). */
  alt: string
  poster: { src: string; width: number; height: number }
  tracks: Array<{ src: string; srclang: string; label: string }>
}

/**
 * The video a relation names, with its poster and the captions whose files were loaded, or
 * undefined when the video, its file or its poster is missing: without a poster there is nothing to
 * show a visitor without JavaScript, and no size to reserve, so the block renders nothing.
 */
export function videoView(media: Map<string, MediaData>, ref: unknown): VideoView | undefined {
  const id = mediaId(ref)
  const video = id === undefined ? undefined : media.get(id)
  if (!video?.file?.type.startsWith('video/')) return undefined
  const posterData = video.poster === undefined ? undefined : media.get(video.poster)
  const poster = posterData && imageAttributes(posterData, 'wide')
  if (!poster) return undefined
  const tracks = (video.captions ?? []).flatMap(({ file, language, label }) => {
    const captions = media.get(file)?.file
    return captions?.type === 'text/vtt' ? [{ src: captions.src, srclang: language, label }] : []
  })
  return {
    src: video.file.src,
    type: video.file.type,
    alt: video.alt,
    poster: { src: poster.src, width: poster.width, height: poster.height },
    tracks,
  }
}
