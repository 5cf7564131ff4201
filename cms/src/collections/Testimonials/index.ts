import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone.ts'
import { isEditor } from '../../access/is-editor.ts'

/** What clients said, optionally tied to the case study it is about. Public as soon as saved. */
export const Testimonials: CollectionConfig = {
  slug: 'testimonials',
  // Deleting moves to the trash, restorable for 30 days (src/trash/).
  trash: true,
  admin: { useAsTitle: 'person', defaultColumns: ['person', 'company', 'caseStudy'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'quote', type: 'textarea', required: true },
    { name: 'person', type: 'text', required: true },
    { name: 'company', type: 'text' },
    { name: 'caseStudy', type: 'relationship', relationTo: 'case-studies' },
  ],
}
