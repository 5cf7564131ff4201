import type { CollectionConfig } from 'payload'

import { anyone } from '../../access/anyone.ts'
import { isEditor } from '../../access/is-editor.ts'
import { linkField } from '../../fields/link.ts'

/**
 * Redirects editors manage (a renamed case study keeps its old URL working); the Worker or the static
 * host applies them. Same shape as `@payloadcms/plugin-redirects` (`from`, `to.type`, `to.reference`,
 * `to.url`), plus the status code, so the plugin can replace this without moving data.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'statusCode', 'updatedAt'] },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateRedirectFrom,
      admin: { description: 'A path of this site, e.g. /work/old-name' },
    },
    linkField('to', { withLabel: false }),
    {
      name: 'statusCode',
      type: 'select',
      required: true,
      defaultValue: '301',
      options: [
        { label: '301 Moved permanently', value: '301' },
        { label: '302 Found (temporary)', value: '302' },
      ],
    },
  ],
}

/** A redirect's source must be a path of this site: it starts with one `/` and has no query or spaces. */
export function validateRedirectFrom(value: unknown): true | string {
  if (typeof value === 'string' && /^\/(?!\/)[^\s?#]*$/.test(value)) return true
  return 'Enter a path of this site starting with "/", e.g. /work/old-name (no domain, query or spaces).'
}
