import type { Block } from 'payload'

/**
 * A 3D model across the column: the site shows its poster and text alternative, and the interactive
 * scene where the visitor's device can afford it. Stores a reference to a `models` document.
 */
export const Model3DBlock: Block = {
  slug: 'model3d',
  interfaceName: 'Model3DBlock',
  labels: { singular: '3D model', plural: '3D models' },
  fields: [
    {
      name: 'model',
      type: 'relationship',
      relationTo: 'models',
      required: true,
      admin: { description: 'Shown on the site once it is processed (status ready).' },
    },
    { name: 'caption', type: 'text' },
  ],
}
