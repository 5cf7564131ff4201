import type { TextField } from 'payload'

import { validateSlug } from '../utilities/slugify.ts'
import { slugFromTitle } from './slug-from-title.ts'

/**
 * The `slug` field every routable collection shares: required, unique, lowercase kebab-case, and
 * made from the title when the editor leaves it empty. `urlPattern` is shown to editors, e.g.
 * `/work/<slug>`, so they know which page URL they are changing.
 */
export function slugField(urlPattern: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    validate: (value: unknown) => validateSlug(value),
    hooks: { beforeValidate: [slugFromTitle] },
    admin: {
      position: 'sidebar',
      description: `The page URL, ${urlPattern}. Left empty, it is made from the title.`,
    },
  }
}
