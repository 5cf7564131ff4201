import type { Document } from '@gltf-transform/core'
import { cloneDocument, prune, simplify, weld } from '@gltf-transform/functions'
import { MeshoptSimplifier } from 'meshoptimizer'
import type { LodLevel } from './options.ts'
import { still } from './still.ts'

/**
 * One level's geometry: a copy of the cleaned model simplified with meshoptimizer to the level's
 * triangle ratio (within its error bound). Level ratios of 1 are copied untouched. A `still` level
 * loses its animations and morph targets first, so the simplifier works on the geometry shown.
 */
export async function simplifiedCopy(clean: Document, level: LodLevel): Promise<Document> {
  const doc = cloneDocument(clean)
  if (level.still) await doc.transform(still(), prune({ keepExtras: true }))
  if (level.ratio < 1) {
    await MeshoptSimplifier.ready
    await doc.transform(
      weld(),
      simplify({ simplifier: MeshoptSimplifier, ratio: level.ratio, error: level.error }),
      prune({ keepExtras: true }),
    )
  }
  return doc
}
