import type { FixtureDoc, FixtureServer } from './fixture-server.ts'

const UPDATED = '2026-11-20T10:00:00.000Z'
const file = (name: string) => `{{origin}}/api/media/file/${name}`
/** Payload's empty sizes on a file it did not resize (a video, a captions file). */
const NO_SIZES = Object.fromEntries(
  ['thumbnail', 'card', 'feature', 'og'].map((size) => [size, { url: null, width: null, height: null }]),
)

/**
 * Media for the Video block as the CMS sends them at depth 0: a WebM showreel with its poster and
 * two captions files (English, French), an MP4 reel with the same poster and no captions.
 */
export const VIDEO_MEDIA: FixtureDoc[] = [
  {
    id: 201,
    alt: 'Our showreel: satellites, planets and a coffee cup in orbit',
    filename: 'showreel.webm',
    mimeType: 'video/webm',
    url: file('showreel.webm'),
    width: null,
    height: null,
    poster: 202,
    captions: [
      { id: 'c-en', file: 203, language: 'en', label: 'English' },
      { id: 'c-fr', file: 204, language: 'fr', label: 'Français' },
    ],
    sizes: NO_SIZES,
    updatedAt: UPDATED,
  },
  {
    id: 202,
    alt: 'A satellite over the night side of a planet',
    filename: 'showreel-poster-1280x720.png',
    mimeType: 'image/png',
    url: file('showreel-poster-1280x720.png'),
    width: 1280,
    height: 720,
    sizes: { thumbnail: { url: file('showreel-poster-400x225.webp'), width: 400, height: 225 } },
    updatedAt: UPDATED,
  },
  ...[
    [203, 'showreel-en.vtt'],
    [204, 'showreel-fr.vtt'],
  ].map(([id, name]) => ({
    id,
    alt: `Showreel captions (${name})`,
    filename: name,
    mimeType: 'text/vtt',
    url: file(String(name)),
    width: null,
    height: null,
    sizes: NO_SIZES,
    updatedAt: UPDATED,
  })),
  {
    id: 205,
    alt: 'A planet turning',
    filename: 'reel.mp4',
    mimeType: 'video/mp4',
    url: file('reel.mp4'),
    width: null,
    height: null,
    poster: 202,
    captions: [],
    sizes: NO_SIZES,
    updatedAt: UPDATED,
  },
]

/**
 * Adds the video media to the fixture CMS, the showreel (not playing by itself) to the case study
 * `nebula-coffee`, and a reel that plays by itself to the page `studio`.
 */
export function addVideoFixtures(cms: FixtureServer): void {
  cms.collections.media = [...(cms.collections.media ?? []), ...structuredClone(VIDEO_MEDIA)]
  const nebula = cms.docs.find((doc) => doc.slug === 'nebula-coffee')
  if (nebula)
    nebula.layout = [
      ...((nebula.layout as object[]) ?? []),
      { blockType: 'video', video: 201, caption: 'Our showreel', autoplay: false },
    ]
  const studio = cms.collections.pages?.find((doc) => doc.slug === 'studio')
  if (studio)
    studio.layout = [
      ...((studio.layout as object[]) ?? []),
      { blockType: 'video', video: 205, autoplay: true },
    ]
}
