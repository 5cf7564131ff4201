import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/is-editor.ts'
import { publishedOrAuthenticated } from '../../access/published-or-authenticated.ts'
import { layoutBlocks } from '../../blocks/index.ts'
import { publishStatusField } from '../../fields/publish-status.ts'
import { seoField } from '../../fields/seo.ts'
import { slugField } from '../../fields/slug.ts'
import { withPrepublishWarnings } from '../../prepublish/with-warnings.ts'
import { editorialVersions } from '../../utilities/editorial-versions.ts'
import { parentField } from './parent.ts'
import { noteMove, redirectMovedPage } from './redirect-on-move.ts'

/**
 * Free-standing pages (home, about, contact and any other): a hero and a layout of blocks. The page
 * whose slug is `home` is the site's `/`; any other lives at its parent's URL plus its slug, or at
 * `/<slug>/` without a parent (paths.ts). A published page that moves leaves redirects behind.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  // Deleting moves to the trash, restorable for 30 days (src/trash/).
  trash: true,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', '_status', 'updatedAt'],
  },
  access: {
    read: publishedOrAuthenticated,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: editorialVersions,
  hooks: { beforeChange: [noteMove], afterChange: [redirectMovedPage] },
  fields: withPrepublishWarnings([
    publishStatusField,
    { name: 'title', type: 'text', required: true },
    slugField('/<parent’s URL>/<slug>/ ("home" is the front page)'),
    parentField,
    {
      name: 'hero',
      type: 'group',
      fields: [
        { name: 'heading', type: 'text' },
        { name: 'text', type: 'textarea' },
        { name: 'image', type: 'upload', relationTo: 'media' },
      ],
    },
    { name: 'layout', type: 'blocks', blocks: layoutBlocks },
    seoField(),
  ]),
}
