import type { Block } from 'payload'

/** The studio's services as cards: every published one in `order`, or a hand-picked few. */
export const ServiceListBlock: Block = {
  slug: 'serviceList',
  interfaceName: 'ServiceListBlock',
  labels: { singular: 'Service list', plural: 'Service lists' },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'intro', type: 'textarea' },
    {
      name: 'populateBy',
      type: 'radio',
      defaultValue: 'all',
      options: [
        { label: 'All services', value: 'all' },
        { label: 'Chosen services', value: 'selection' },
      ],
    },
    {
      name: 'services',
      type: 'relationship',
      relationTo: 'services',
      hasMany: true,
      admin: { condition: (_, sibling) => sibling?.populateBy === 'selection' },
    },
  ],
}
