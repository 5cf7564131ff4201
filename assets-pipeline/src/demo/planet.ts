import { Document } from '@gltf-transform/core'

import { primitive, ring, sphere } from './geometry.ts'
import { type PlanetSurface, planetTexture, type Rgb, ringTexture } from './textures.ts'

/** One demo planet: its name (the output file's), its surface and, optionally, a ring. */
export interface PlanetSpec {
  name: string
  surface: PlanetSurface
  roughness: number
  ring?: { inner: number; outer: number; tint: Rgb; tilt: number }
}

/** A planet of radius 1: a textured sphere, and a tilted ring of alpha-blended stripes if it has one. */
export async function makePlanet(spec: PlanetSpec): Promise<Document> {
  const doc = new Document()
  doc.getRoot().getAsset().generator = 'kairo demo models'
  const buffer = doc.createBuffer()
  const surface = doc
    .createTexture(`${spec.name}-surface`)
    .setImage(await planetTexture(spec.surface))
    .setMimeType('image/png')
  const material = doc
    .createMaterial(`${spec.name}-surface`)
    .setBaseColorTexture(surface)
    .setRoughnessFactor(spec.roughness)
    .setMetallicFactor(0)
  const body = doc
    .createNode(spec.name)
    .setMesh(doc.createMesh(spec.name).addPrimitive(primitive(doc, buffer, sphere(1, 64, 32), material)))
  const scene = doc.createScene(spec.name).addChild(body)
  if (spec.ring) {
    const { inner, outer, tint, tilt } = spec.ring
    const texture = doc
      .createTexture(`${spec.name}-ring`)
      .setImage(await ringTexture(tint, spec.surface.seed + 7))
      .setMimeType('image/png')
    const ringMaterial = doc
      .createMaterial(`${spec.name}-ring`)
      .setBaseColorTexture(texture)
      .setAlphaMode('BLEND')
      .setDoubleSided(false)
      .setRoughnessFactor(0.9)
      .setMetallicFactor(0)
    const half = tilt / 2
    scene.addChild(
      doc
        .createNode(`${spec.name}-ring`)
        .setRotation([Math.sin(half), 0, 0, Math.cos(half)])
        .setMesh(
          doc
            .createMesh(`${spec.name}-ring`)
            .addPrimitive(primitive(doc, buffer, ring(inner, outer, 96), ringMaterial)),
        ),
    )
  }
  doc.getRoot().setDefaultScene(scene)
  return doc
}
