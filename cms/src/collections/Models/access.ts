import type { Access } from 'payload'

/**
 * Signed-in users read every model (queued, processing and failed ones too, with their errors);
 * anyone else reads only `ready` ones, whose files exist. A `where` (not `false`) lets the site's
 * anonymous list read succeed with the ready subset.
 */
export const readyOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { status: { equals: 'ready' } }
}
