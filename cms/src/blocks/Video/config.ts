import type { Block } from 'payload'
import { validateMediaOfKind } from '../../collections/Media/fields/media-of-kind.ts'
import { ACCEPTED_VIDEO_TYPES } from '../../collections/Media/video-type.ts'

/**
 * A video across the column, with its poster, captions and controls, and an optional caption. A
 * reel may be marked to play by itself (muted, looping, only while in view, never under reduced
 * motion or Save-Data: the site decides in the visitor's browser); off, it waits for a press of play.
 */
export const VideoBlock: Block = {
  slug: 'video',
  interfaceName: 'VideoBlock',
  labels: { singular: 'Video', plural: 'Videos' },
  fields: [
    {
      name: 'video',
      type: 'upload',
      relationTo: 'media',
      required: true,
      filterOptions: { mimeType: { in: [...ACCEPTED_VIDEO_TYPES] } },
      validate: validateMediaOfKind('video', {
        missing: 'Choose a video from Media.',
        wrongKind: 'Choose a video (MP4 or WebM), not an image or a captions file.',
      }),
    },
    { name: 'caption', type: 'text' },
    {
      name: 'autoplay',
      type: 'checkbox',
      label: 'Plays by itself (muted, looping: a reel)',
      defaultValue: false,
      admin: {
        description:
          'Starts muted and loops while on screen, except for visitors who ask for less motion or save data. Its controls stay.',
      },
    },
  ],
}
