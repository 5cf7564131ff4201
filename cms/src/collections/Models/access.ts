import type { Access, Field, FieldAccess } from 'payload'

import { isEditor } from '../../access/is-editor.ts'
import type { User } from '../../payload-types.ts'

/**
 * Signed-in users read every model (queued, processing and failed ones too, with their errors);
 * anyone else reads only `ready` ones, whose files exist. A `where` (not `false`) lets the site's
 * anonymous list read succeed with the ready subset.
 */
export const readyOrAuthenticated: Access = ({ req: { user } }) => {
  if (user) return true
  return { status: { equals: 'ready' } }
}

/**
 * The collection's `read`. Payload also asks it, with `isReadingStaticFile`, before serving an
 * uploaded source file (`GET /api/models/file/<name>`): that is the editor's original, for editors
 * and admins only. Visitors and the site's build need only the processed files, which are public
 * (`/api/model-assets/<key>` or R2) and named by the manifest.
 */
export const readModels: Access = (args) =>
  args.isReadingStaticFile ? isEditor(args) : readyOrAuthenticated(args)

const editorsOnly: FieldAccess<{ id: number }, User> = ({ req: { user } }) =>
  user?.role === 'editor' || user?.role === 'admin'

/**
 * Payload's own fields about the source file, readable by editors and admins only, so an anonymous
 * reader of a ready model learns neither the file's name nor its (refused) URL. Payload merges these
 * into the upload fields it adds by name; the types are the ones it gives them (no schema change).
 */
export const sourceFileFields: Field[] = [
  { name: 'url', type: 'text', access: { read: editorsOnly } },
  { name: 'thumbnailURL', type: 'text', access: { read: editorsOnly } },
  { name: 'filename', type: 'text', access: { read: editorsOnly } },
  { name: 'mimeType', type: 'text', access: { read: editorsOnly } },
  { name: 'filesize', type: 'number', access: { read: editorsOnly } },
]
