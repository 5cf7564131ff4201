import { Document } from '@gltf-transform/core'
import { makeCube, makePng } from './make-cube.ts'

/**
 * A UV sphere with normals and a textured material: enough triangles (2 × segments × rings) for
 * the simplifier to have something to do.
 */
export function makeSphere(segments = 48, rings = 24, textureSize = 16): Document {
  const doc = new Document()
  const buffer = doc.createBuffer()
  const positions: number[] = []
  const normals: number[] = []
  const uvs: number[] = []
  const indices: number[] = []
  for (let r = 0; r <= rings; r++) {
    const theta = (r / rings) * Math.PI
    for (let s = 0; s <= segments; s++) {
      const phi = (s / segments) * Math.PI * 2
      const n = [Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)]
      normals.push(...n)
      positions.push(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0)
      uvs.push(s / segments, r / rings)
    }
  }
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * (segments + 1) + s
      const b = a + segments + 1
      indices.push(a, b, a + 1, b, b + 1, a + 1)
    }
  }
  const accessor = (type: 'VEC2' | 'VEC3', array: Float32Array<ArrayBuffer>) =>
    doc.createAccessor().setType(type).setArray(array).setBuffer(buffer)
  const texture = doc
    .createTexture('planet')
    .setImage(makePng(textureSize, textureSize, [200, 120, 40, 255]))
    .setMimeType('image/png')
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', new Float32Array(positions)))
    .setAttribute('NORMAL', accessor('VEC3', new Float32Array(normals)))
    .setAttribute('TEXCOORD_0', accessor('VEC2', new Float32Array(uvs)))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('planet').setBaseColorTexture(texture))
  doc
    .createScene()
    .addChild(doc.createNode('sphere').setMesh(doc.createMesh('sphere').addPrimitive(primitive)))
  return doc
}

/** The cube with one morph target (it swells) and an animation of its weight. */
export function makeMorphCube(): Document {
  const doc = makeCube()
  const buffer = doc.getRoot().listBuffers()[0]
  const primitive = doc.getRoot().listMeshes()[0]?.listPrimitives()[0]
  const position = primitive?.getAttribute('POSITION')
  if (!primitive || !position || !buffer) throw new Error('cube has a primitive')
  const deltas = new Float32Array(position.getCount() * 3).map(
    (_, i) => (position.getArray()?.[i] ?? 0) * 0.5,
  )
  const target = doc
    .createPrimitiveTarget('swell')
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(deltas).setBuffer(buffer))
  primitive.addTarget(target)
  const mesh = doc.getRoot().listMeshes()[0]
  mesh?.setWeights([0])
  const node = doc.getRoot().listNodes()[0]
  if (!node) throw new Error('cube has a node')
  const sampler = doc
    .createAnimationSampler()
    .setInput(
      doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Float32Array([0, 1, 2]))
        .setBuffer(buffer),
    )
    .setOutput(
      doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Float32Array([0, 1, 0]))
        .setBuffer(buffer),
    )
  const channel = doc
    .createAnimationChannel()
    .setTargetNode(node)
    .setTargetPath('weights')
    .setSampler(sampler)
  doc.createAnimation('swell').addSampler(sampler).addChannel(channel)
  return doc
}

/** The cube spinning about its vertical axis (a node rotation animation). */
export function makeAnimatedCube(): Document {
  const doc = makeCube()
  const buffer = doc.getRoot().listBuffers()[0]
  const node = doc.getRoot().listNodes()[0]
  if (!node || !buffer) throw new Error('cube has a node')
  const s = Math.SQRT1_2
  const sampler = doc
    .createAnimationSampler()
    .setInput(
      doc
        .createAccessor()
        .setType('SCALAR')
        .setArray(new Float32Array([0, 1, 2]))
        .setBuffer(buffer),
    )
    .setOutput(
      doc
        .createAccessor()
        .setType('VEC4')
        .setArray(new Float32Array([0, 0, 0, 1, 0, s, 0, s, 0, 1, 0, 0]))
        .setBuffer(buffer),
    )
  const channel = doc
    .createAnimationChannel()
    .setTargetNode(node)
    .setTargetPath('rotation')
    .setSampler(sampler)
  doc.createAnimation('spin').addSampler(sampler).addChannel(channel)
  return doc
}
