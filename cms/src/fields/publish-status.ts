import type { UIField } from 'payload'

/**
 * The document's place on the public site, in the edit view's sidebar (src/admin/PublishStatus.tsx):
 * live since when, queued, building, or why the build failed. Stores nothing.
 */
export const publishStatusField: UIField = {
  name: 'publishStatus',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/admin/PublishStatus.tsx#PublishStatus' },
  },
}
