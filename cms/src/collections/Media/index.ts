import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone.ts'
import { isEditor } from '../../access/is-editor.ts'
import { videoFields } from './fields/video-fields.ts'
import { guardUpload } from './hooks/guard-upload.ts'
import { ACCEPTED_MEDIA_TYPES } from './media-kind.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Absolute, so uploads land in `cms/media/` (git-ignored) whatever the working directory. */
export const MEDIA_DIR = path.resolve(dirname, '../../../media')

/**
 * The media library: every picture on the site, with required alt text and a focal point that the
 * generated sizes crop around (`og` is the 1200×630 social-preview image); videos (MP4, WebM) with
 * their poster and captions; and the WebVTT captions files they name. Only images get sizes (Payload
 * resizes only image types), so a video or captions file is stored as it came.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeOperation: [guardUpload] },
  upload: {
    staticDir: MEDIA_DIR,
    mimeTypes: ACCEPTED_MEDIA_TYPES,
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'card', width: 800, height: 600, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'feature', width: 1600, formatOptions: { format: 'webp', options: { quality: 82 } } },
      { name: 'og', width: 1200, height: 630, formatOptions: { format: 'jpeg', options: { quality: 85 } } },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: {
        description:
          'What the image or video shows, for people who cannot see it; for a captions file, its name in the library. Required.',
      },
    },
    { name: 'caption', type: 'text' },
    ...videoFields,
  ],
}
