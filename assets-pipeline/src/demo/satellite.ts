import { Document } from '@gltf-transform/core'

import { box, cylinder, dish, primitive } from './geometry.ts'
import { panelTexture } from './textures.ts'

/**
 * A small Earth-observation satellite, about 4 units wide: a gold-foil bus, two solar wings on
 * struts, a dish on top and an antenna mast below. Made of boxes, a cylinder and a spherical cap.
 */
export async function makeSatellite(name = 'satellite'): Promise<Document> {
  const doc = new Document()
  doc.getRoot().getAsset().generator = 'kairo demo models'
  const buffer = doc.createBuffer()
  const texture = async (kind: 'solar' | 'foil', seed: number) =>
    doc
      .createTexture(kind)
      .setImage(await panelTexture(kind, seed))
      .setMimeType('image/png')
  const foil = doc
    .createMaterial('foil')
    .setBaseColorTexture(await texture('foil', 11))
    .setMetallicFactor(0.9)
    .setRoughnessFactor(0.35)
  const solar = doc
    .createMaterial('solar-cells')
    .setBaseColorTexture(await texture('solar', 23))
    .setMetallicFactor(0.3)
    .setRoughnessFactor(0.25)
  const white = doc
    .createMaterial('white-paint')
    .setBaseColorFactor([0.86, 0.88, 0.92, 1])
    .setMetallicFactor(0)
    .setRoughnessFactor(0.6)
  const part = (label: string, meshes: [Parameters<typeof primitive>[2], typeof foil][]) => {
    const mesh = doc.createMesh(label)
    for (const [data, material] of meshes) mesh.addPrimitive(primitive(doc, buffer, data, material))
    return doc.createNode(label).setMesh(mesh)
  }
  const bus = part('bus', [[box([1, 1.2, 1]), foil]])
  const wings = part('solar-wings', [
    [box([1.5, 0.04, 0.8], [-1.45, 0, 0]), solar],
    [box([1.5, 0.04, 0.8], [1.45, 0, 0]), solar],
    [box([0.2, 0.05, 0.05], [-0.6, 0, 0]), white],
    [box([0.2, 0.05, 0.05], [0.6, 0, 0]), white],
  ])
  const antenna = part('antenna', [
    [dish(0.45, 0.18, 32, 6), white],
    [cylinder(0.03, 0.35, 12, 0), white],
  ]).setTranslation([0, 0.6, 0])
  const mast = part('mast', [[cylinder(0.02, 0.5, 8, -1.1), white]])
  const scene = doc.createScene(name).addChild(bus).addChild(wings).addChild(antenna).addChild(mast)
  doc.getRoot().setDefaultScene(scene)
  return doc
}
