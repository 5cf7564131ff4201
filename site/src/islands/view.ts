import type { IslandModel } from '../lib/models.ts'

/**
 * Where the camera starts: just beyond the second level's switch distance, so the first frame
 * comes from the smallest level, the middle one follows by proximity, and the most detailed level
 * waits for the visitor to zoom in or focus the model.
 */
export function viewDistance(model: IslandModel): number {
  const middle = model.lods[1]?.switchDistance ?? 0
  return Math.max(model.radius * 3, middle * 1.05)
}
