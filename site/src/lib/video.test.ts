import { describe, expect, it } from 'vitest'
import type { MediaData } from './media.ts'
import { videoRelations, videoView } from './video.ts'

const poster: MediaData = {
  alt: 'Poster',
  variants: { original: { src: '/media/0000000000000001.png', width: 1280, height: 720 } },
}
const captions = (src: string): MediaData => ({
  alt: 'Captions',
  variants: {},
  file: { src, type: 'text/vtt' },
})
const video: MediaData = {
  alt: 'The reel',
  variants: {},
  file: { src: '/media/0000000000000002.webm', type: 'video/webm' },
  poster: '2',
  captions: [
    { file: '3', language: 'en', label: 'English' },
    { file: '9', language: 'de', label: 'Deutsch' },
    { file: '4', language: 'fr', label: 'Français' },
  ],
}
const media = new Map<string, MediaData>([
  ['1', video],
  ['2', poster],
  ['3', captions('/media/0000000000000003.vtt')],
  ['4', captions('/media/0000000000000004.vtt')],
])

describe('videoView', () => {
  it('resolves the file, the poster (its size reserves the box) and the captions that loaded, in order', () => {
    expect(videoView(media, 1)).toEqual({
      src: '/media/0000000000000002.webm',
      type: 'video/webm',
      alt: 'The reel',
      poster: { src: '/media/0000000000000001.png', width: 1280, height: 720 },
      tracks: [
        { src: '/media/0000000000000003.vtt', srclang: 'en', label: 'English' },
        { src: '/media/0000000000000004.vtt', srclang: 'fr', label: 'Français' },
      ],
    })
  })

  it('gives nothing for a video without its file or poster, or for an image', () => {
    expect(videoView(new Map([...media, ['1', { ...video, poster: undefined }]]), '1')).toBeUndefined()
    expect(videoView(new Map([...media, ['1', { ...video, file: null }]]), '1')).toBeUndefined()
    expect(videoView(media, '2')).toBeUndefined()
    expect(videoView(media, undefined)).toBeUndefined()
  })
})

describe('videoRelations', () => {
  it('keeps ids at depth 0 or 1 and drops incomplete captions', () => {
    expect(
      videoRelations({
        id: 1,
        poster: { id: 2 },
        captions: [
          { file: 3, language: 'en', label: 'English' },
          { file: null, language: 'fr', label: 'Français' },
        ],
      }),
    ).toEqual({ poster: '2', captions: [{ file: '3', language: 'en', label: 'English' }] })
  })
})
