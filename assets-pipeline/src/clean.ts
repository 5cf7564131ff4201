import type { Document } from '@gltf-transform/core'
import { dedup, flatten, instance, join, prune, resample, weld } from '@gltf-transform/functions'

const RECOMPRESSED = new Set(['KHR_draco_mesh_compression', 'EXT_meshopt_compression'])

/**
 * Geometry clean-up shared by every LOD: merge duplicate data, draw repeated meshes as GPU
 * instances (only where five or more copies make it pay), flatten static hierarchy so primitives
 * can join (animated and skinned nodes stay put), weld identical vertices, drop redundant keyframes
 * and anything unused.
 */
export async function cleanDocument(doc: Document): Promise<Document> {
  // A compressed input was decoded on read; its compression is chosen afresh per LOD.
  for (const extension of doc.getRoot().listExtensionsUsed()) {
    if (RECOMPRESSED.has(extension.extensionName)) extension.dispose()
  }
  await doc.transform(
    dedup(),
    instance({ min: 5 }),
    flatten(),
    join({ keepNamed: false }),
    weld(),
    resample(),
    prune({ keepExtras: true }),
  )
  return doc
}
