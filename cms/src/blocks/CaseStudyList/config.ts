import type { Block } from 'payload'

/** Case-study cards: the latest few, or a hand-picked selection. */
export const CaseStudyListBlock: Block = {
  slug: 'caseStudyList',
  interfaceName: 'CaseStudyListBlock',
  labels: { singular: 'Case-study list', plural: 'Case-study lists' },
  fields: [
    { name: 'heading', type: 'text' },
    { name: 'intro', type: 'textarea' },
    {
      name: 'populateBy',
      type: 'radio',
      defaultValue: 'latest',
      options: [
        { label: 'Latest case studies', value: 'latest' },
        { label: 'Chosen case studies', value: 'selection' },
      ],
    },
    {
      name: 'limit',
      type: 'number',
      defaultValue: 3,
      min: 1,
      max: 12,
      admin: { condition: (_, sibling) => sibling?.populateBy !== 'selection' },
    },
    {
      name: 'caseStudies',
      type: 'relationship',
      relationTo: 'case-studies',
      hasMany: true,
      admin: { condition: (_, sibling) => sibling?.populateBy === 'selection' },
    },
  ],
}
