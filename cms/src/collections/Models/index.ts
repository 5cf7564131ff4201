import type { CollectionConfig } from 'payload'

import { isAdmin } from '../../access/is-admin.ts'
import { isEditor } from '../../access/is-editor.ts'
import { slugField } from '../../fields/slug.ts'
import { absoluteManifestUrls, relativeManifestUrls } from '../../models/absolute-urls.ts'
import { MODEL_SOURCES_DIR } from '../../models/storage.ts'
import { readModels, sourceFileFields } from './access.ts'
import { GLB_MIME_TYPE } from './glb-type.ts'
import { guardModelUpload } from './hooks/guard-model-upload.ts'
import { keepProcessingState, queueProcessing } from './hooks/processing-state.ts'
import { removeDeletedFiles, removeReplacedFiles } from './hooks/remove-unused-files.ts'

export const MODEL_STATUSES = ['queued', 'processing', 'ready', 'failed'] as const
export type ModelStatus = (typeof MODEL_STATUSES)[number]

/**
 * 3D models: an editor uploads a source `.glb`; a background job (src/models/) turns it into the
 * pipeline's LOD chain, poster and manifest. The site reads `ready` models only (issue 4's contract:
 * `{ id, title, slug, alt, status, error, manifest, updatedAt }`).
 */
export const Models: CollectionConfig = {
  slug: 'models',
  labels: { singular: '3D model', plural: '3D models' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'filename', 'updatedAt'],
    description:
      'Upload a binary glTF 2.0 (.glb). It is checked and turned into web-ready levels of detail and a poster in the background.',
  },
  access: { read: readModels, create: isEditor, update: isEditor, delete: isAdmin },
  hooks: {
    beforeOperation: [guardModelUpload],
    beforeChange: [keepProcessingState],
    afterChange: [queueProcessing, removeReplacedFiles],
    afterDelete: [removeDeletedFiles],
  },
  upload: { staticDir: MODEL_SOURCES_DIR, mimeTypes: [GLB_MIME_TYPE] },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      ...slugField(''),
      admin: {
        position: 'sidebar',
        description: 'Names the processed files. Left empty, it is made from the title.',
      },
    },
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: {
        description: 'What the model shows, for people who cannot see it; shown with its poster. Required.',
      },
    },
    {
      name: 'preview',
      type: 'ui',
      admin: { components: { Field: '/collections/Models/components/ModelStatus#ModelStatus' } },
    },
    {
      name: 'status',
      type: 'select',
      options: [...MODEL_STATUSES],
      defaultValue: 'queued',
      required: true,
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Set by processing.' },
    },
    {
      name: 'error',
      type: 'textarea',
      admin: { readOnly: true, condition: (data) => data?.status === 'failed' },
    },
    {
      name: 'manifest',
      type: 'json',
      hooks: { beforeChange: [relativeManifestUrls], afterRead: [absoluteManifestUrls] },
      admin: {
        readOnly: true,
        description:
          "The pipeline's manifest of the last processed version (levels of detail, poster, sizes).",
      },
    },
    ...sourceFileFields,
  ],
}
