import { Document } from '@gltf-transform/core'
import { primitive, sphere } from '../src/demo/geometry.ts'
import { makeCube, makePng } from './make-cube.ts'

/**
 * A UV sphere with normals and a textured material (the demo planets' geometry): enough triangles
 * (2 × segments × rings) for the simplifier to have something to do.
 */
export function makeSphere(segments = 48, rings = 24, textureSize = 16): Document {
  const doc = new Document()
  const buffer = doc.createBuffer()
  const texture = doc
    .createTexture('planet')
    .setImage(makePng(textureSize, textureSize, [200, 120, 40, 255]))
    .setMimeType('image/png')
  const material = doc.createMaterial('planet').setBaseColorTexture(texture)
  const mesh = doc
    .createMesh('sphere')
    .addPrimitive(primitive(doc, buffer, sphere(1, segments, rings), material))
  doc.createScene().addChild(doc.createNode('sphere').setMesh(mesh))
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
