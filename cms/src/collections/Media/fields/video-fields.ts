import type { Field, Where } from 'payload'

import { CAPTIONS_TYPE } from '../captions-type.ts'
import { ACCEPTED_IMAGE_TYPES } from '../image-type.ts'
import { canonicalLanguageTag } from '../language-tag.ts'
import { mediaKindOf } from '../media-kind.ts'
import { validateMediaOfKind } from './media-of-kind.ts'

/** Shown, and validated, only on videos: Payload skips a hidden field's validation. */
const onlyForVideos = (data: { mimeType?: unknown } | undefined) => mediaKindOf(data?.mimeType) === 'video'

const images: Where = { mimeType: { in: [...ACCEPTED_IMAGE_TYPES] } }
const captionFiles: Where = { mimeType: { equals: CAPTIONS_TYPE } }

/**
 * The fields a video carries: its poster (the image visitors see before it plays, and all that a
 * visitor without JavaScript sees) and its captions, one WebVTT file per language.
 */
export const videoFields: Field[] = [
  {
    name: 'poster',
    type: 'upload',
    relationTo: 'media',
    required: true,
    filterOptions: images,
    validate: validateMediaOfKind('image', {
      missing: 'A video needs a poster: the image visitors see before it plays, and without JavaScript.',
      wrongKind: 'The poster must be an image (PNG, JPEG, WebP, AVIF or GIF).',
    }),
    admin: {
      condition: onlyForVideos,
      description: 'What visitors see before the video plays, and instead of it without JavaScript.',
    },
  },
  {
    name: 'captions',
    type: 'array',
    labels: { singular: 'Captions', plural: 'Captions' },
    admin: {
      condition: onlyForVideos,
      description: 'One WebVTT file per language (upload it to Media first). The first is on by default.',
    },
    fields: [
      {
        name: 'file',
        type: 'upload',
        relationTo: 'media',
        required: true,
        filterOptions: captionFiles,
        validate: validateMediaOfKind('captions', {
          missing: 'Choose the captions file (WebVTT).',
          wrongKind: 'Captions must be a WebVTT (.vtt) file.',
        }),
      },
      {
        name: 'language',
        type: 'text',
        required: true,
        validate: (value: unknown) =>
          canonicalLanguageTag(value) ? true : 'Use a BCP 47 language tag, e.g. en, fr or pt-BR.',
        hooks: { beforeChange: [({ value }) => canonicalLanguageTag(value) ?? value] },
        admin: { description: 'BCP 47 tag: en, fr, pt-BR…' },
      },
      {
        name: 'label',
        type: 'text',
        required: true,
        admin: { description: 'The name the player shows, e.g. English.' },
      },
    ],
  },
]
