import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone.ts'
import { isEditor } from '../../access/is-editor.ts'

/** The people of the studio, shown on the about page in `order`. Public as soon as saved (no drafts). */
export const TeamMembers: CollectionConfig = {
  slug: 'team-members',
  // Deleting moves to the trash, restorable for 30 days (src/trash/).
  trash: true,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'role', 'order'] },
  defaultSort: 'order',
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'role',
      type: 'text',
      required: true,
      admin: { description: 'Job title, e.g. "Creative director"' },
    },
    { name: 'bio', type: 'textarea' },
    { name: 'portrait', type: 'upload', relationTo: 'media' },
    { name: 'order', type: 'number', defaultValue: 0, admin: { position: 'sidebar' } },
  ],
}
