import type { Access } from 'payload'

/**
 * Signed-in users read every document, drafts included; anyone else reads only published ones.
 *
 * Returning a `where` query (rather than `false`) lets anonymous list reads succeed with the
 * published subset, which is what the static site's build relies on.
 */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { _status: { equals: 'published' } }
}
