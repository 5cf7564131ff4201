import type { FieldHook } from 'payload'

import { slugify } from '../utilities/slugify.ts'

/** Fills an empty slug from the title, so editors only type one when they want a different URL. */
export const slugFromTitle: FieldHook = ({ data, value }) => {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  const title: unknown = data?.title
  return typeof title === 'string' ? slugify(title) : value
}
