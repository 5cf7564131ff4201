import type { BlocksField } from 'payload'

import { layoutBlocks } from '../blocks/index.ts'

/** The optional blocks after a case study's or a service's body: the same set as a page's layout. */
export const bodyBlocksField: BlocksField = {
  name: 'layout',
  type: 'blocks',
  blocks: layoutBlocks,
  admin: {
    description:
      'Optional: the same blocks as on pages (images, galleries, figures, quotes, 3D models…), shown after the body.',
  },
}
