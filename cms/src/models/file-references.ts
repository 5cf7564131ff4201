import type { Payload } from 'payload'

import { isModelAssetKey } from './storage.ts'

type Named = { key?: unknown } | null | undefined
type Manifestish = { name?: unknown; lods?: Named[]; poster?: { images?: Named[] } | null }

/** The pipeline's manifest key for an output name (its README "Outputs"). */
const manifestKeyOf = (name: string) => `models/${name}/manifest.json`

/** `models/<name>`: the folder a key lives in, which is also where one output name's build writes. */
export const folderOf = (key: string) => key.split('/').slice(0, 2).join('/')

/**
 * Every storage key a stored manifest names: its levels of detail, its poster images and the
 * manifest file itself. Anything that is not a pipeline key is left out, so a damaged manifest can
 * never point a removal outside the model files.
 */
export function manifestKeys(manifest: unknown): string[] {
  if (!manifest || typeof manifest !== 'object') return []
  const { name, lods, poster } = manifest as Manifestish
  const files = [
    ...(Array.isArray(lods) ? lods : []),
    ...(Array.isArray(poster?.images) ? poster.images : []),
  ]
  const keys = files.map((file) => file?.key).filter((key): key is string => typeof key === 'string')
  if (typeof name === 'string') keys.push(manifestKeyOf(name))
  return [...new Set(keys.filter(isModelAssetKey))]
}

/** What must stay: the keys some model's manifest names, and the folders a build may be writing to. */
export interface FileReferences {
  keys: Set<string>
  busyFolders: Set<string>
}

/**
 * Reads, from the committed database, every key that any model's stored manifest names. Keys are
 * content-addressed per output name, so two models (one renamed, one given its old slug) can share
 * files. A queued or processing model's folder (`models/<slug>`) is busy: its build may be writing
 * or, with R2, skipping a file because an identical one is already there.
 */
export async function currentReferences(payload: Payload): Promise<FileReferences> {
  const { docs } = await payload.find({
    collection: 'models',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { slug: true, status: true, manifest: true },
  })
  const references: FileReferences = { keys: new Set(), busyFolders: new Set() }
  for (const doc of docs) {
    for (const key of manifestKeys(doc.manifest)) references.keys.add(key)
    if ((doc.status === 'queued' || doc.status === 'processing') && doc.slug) {
      references.busyFolders.add(`models/${doc.slug}`)
    }
  }
  return references
}

/** The candidates nothing references any more, and no build may be writing. */
export function unreferenced(candidates: string[], references: FileReferences): string[] {
  return candidates.filter((key) => !references.keys.has(key) && !references.busyFolders.has(folderOf(key)))
}
