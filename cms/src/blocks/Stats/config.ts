import type { Block } from 'payload'

/** Key figures in large type: "40×" over "launch-day traffic, no slowdown". */
export const StatsBlock: Block = {
  slug: 'stats',
  interfaceName: 'StatsBlock',
  labels: { singular: 'Figures', plural: 'Figures' },
  fields: [
    { name: 'heading', type: 'text' },
    {
      name: 'items',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: 6,
      fields: [
        { name: 'value', type: 'text', required: true, admin: { description: 'e.g. "9 min" or "40×"' } },
        { name: 'label', type: 'text', required: true },
      ],
    },
  ],
}
