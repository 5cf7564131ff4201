import type { Block } from 'payload'

/** One image across the column, with an optional caption (the alt text lives on the media item). */
export const ImageBlock: Block = {
  slug: 'image',
  interfaceName: 'ImageBlock',
  fields: [
    { name: 'image', type: 'upload', relationTo: 'media', required: true },
    { name: 'caption', type: 'text' },
  ],
}
