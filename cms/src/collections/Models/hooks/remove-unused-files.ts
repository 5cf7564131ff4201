import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload'

import { manifestKeys } from '../../../models/file-references.ts'
import { removeUnusedFilesAfterCommit } from '../../../models/remove-unused.ts'

const labelOf = (doc: { id?: unknown; slug?: unknown } | null | undefined) =>
  `"${String(doc?.slug ?? '')}" (model ${String(doc?.id)})`

const storedModel = (payload: Payload, id: number | string) =>
  payload.findByID({ collection: 'models', id, depth: 0, overrideAccess: true, disableErrors: true })

/**
 * When processing replaces a model's manifest (a new source file became ready), removes the files
 * of the version it replaced that no model names any more. The previous manifest is kept while the
 * new file is queued and processed, so the live site, which may still show the old version, keeps
 * its files until the new one is ready (and asks for a rebuild).
 */
export const removeReplacedFiles: CollectionAfterChangeHook = ({ doc, previousDoc, req }) => {
  const now = new Set(manifestKeys(doc?.manifest))
  const replaced = manifestKeys(previousDoc?.manifest).filter((key) => !now.has(key))
  const savedAt = Date.parse(doc?.updatedAt ?? '')
  removeUnusedFilesAfterCommit(req.payload, replaced, labelOf(doc), async () => {
    // Committed once a read outside this save's transaction sees this save (or a later one).
    const stored = await storedModel(req.payload, doc.id)
    return !stored || Date.parse(stored.updatedAt) >= savedAt
  })
  return doc
}

/**
 * After an admin deletes a model, removes its processed files that no other model's manifest
 * names (keys are content-addressed per output name, so another model can share them). Runs after
 * the delete commits, in the background: a failure is logged and never blocks the delete.
 */
export const removeDeletedFiles: CollectionAfterDeleteHook = ({ doc, id, req }) => {
  removeUnusedFilesAfterCommit(req.payload, manifestKeys(doc?.manifest), labelOf(doc), async () => {
    return !(await storedModel(req.payload, id))
  })
  return doc
}
