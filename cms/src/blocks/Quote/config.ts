import type { Block } from 'payload'

/** A pull quote with the person who said it. */
export const QuoteBlock: Block = {
  slug: 'quote',
  interfaceName: 'QuoteBlock',
  fields: [
    { name: 'quote', type: 'textarea', required: true },
    { name: 'person', type: 'text' },
    { name: 'role', type: 'text', admin: { description: 'e.g. "Head of Exhibits, City Planetarium"' } },
  ],
}
