import type { Block } from 'payload'

import { linkField } from '../../fields/link.ts'

/** A closing prompt with one or two buttons ("Start a project", "See our work"). */
export const CallToActionBlock: Block = {
  slug: 'cta',
  interfaceName: 'CallToActionBlock',
  labels: { singular: 'Call to action', plural: 'Calls to action' },
  fields: [
    { name: 'heading', type: 'text', required: true },
    { name: 'text', type: 'textarea' },
    { name: 'links', type: 'array', minRows: 1, maxRows: 2, fields: [linkField()] },
  ],
}
