import type { Document } from '@gltf-transform/core'
import { getBounds } from '@gltf-transform/functions'
import { ModelError } from '../validate/model-error.ts'

/** The scene's box, and the sphere around it that places the camera and scales the LOD distances. */
export interface SceneBounds {
  min: [number, number, number]
  max: [number, number, number]
  center: [number, number, number]
  radius: number
}

/** The bounds of the default scene (or the first): what the poster frames and LODs switch by. */
export function sceneBounds(doc: Document): SceneBounds {
  const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0]
  if (!scene) throw new ModelError('has no scene to render')
  const { min, max } = getBounds(scene)
  const center = min.map((v, i) => (v + (max[i] ?? 0)) / 2) as [number, number, number]
  const radius = Math.max(1e-6, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2)
  return {
    min: [...min] as [number, number, number],
    max: [...max] as [number, number, number],
    center,
    radius,
  }
}
