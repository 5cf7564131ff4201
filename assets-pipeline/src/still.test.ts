import type { Document } from '@gltf-transform/core'
import { prune } from '@gltf-transform/functions'
import { describe, expect, it } from 'vitest'
import { makeCube } from '../test/make-cube.ts'
import { makeAnimatedCube, makeMorphCube } from '../test/make-models.ts'
import { still } from './still.ts'

const positionsOf = (doc: Document) =>
  Array.from(doc.getRoot().listMeshes()[0]?.listPrimitives()[0]?.getAttribute('POSITION')?.getArray() ?? [])

describe('still', () => {
  it('bakes morph targets at their default weights and drops them and the animations', async () => {
    const doc = makeMorphCube()
    doc.getRoot().listMeshes()[0]?.setWeights([0.5])
    const before = positionsOf(doc)
    await doc.transform(still(), prune())
    const primitive = doc.getRoot().listMeshes()[0]?.listPrimitives()[0]
    expect(primitive?.listTargets()).toHaveLength(0)
    expect(doc.getRoot().listAnimations()).toHaveLength(0)
    // The target moves each vertex by half its position; at weight 0.5 that is a quarter.
    const after = positionsOf(doc)
    after.forEach((value, i) => {
      expect(value).toBeCloseTo((before[i] ?? 0) * 1.25, 5)
    })
    // The keyframes are gone from the file, not only unreferenced.
    expect(
      doc
        .getRoot()
        .listAccessors()
        .every((a) => a.getType() !== 'SCALAR' || a.getCount() > 3),
    ).toBe(true)
  })

  it('keeps an unanimated, unmorphed model as it was', async () => {
    const doc = makeAnimatedCube()
    const before = positionsOf(doc)
    await doc.transform(still(), prune())
    expect(doc.getRoot().listAnimations()).toHaveLength(0)
    expect(positionsOf(doc)).toEqual(before)
  })

  it('poses a skinned mesh at its joints rest transforms and drops the skeleton', async () => {
    const doc = makeCube()
    const root = doc.getRoot()
    const buffer = root.listBuffers()[0]
    const primitive = root.listMeshes()[0]?.listPrimitives()[0]
    const meshNode = root.listNodes()[0]
    if (!buffer || !primitive || !meshNode) throw new Error('cube has a mesh node')
    const count = primitive.getAttribute('POSITION')?.getCount() ?? 0
    // Two joints: every vertex follows the first, which stands 2 units up and is scaled by 3 (its
    // inverse bind matrix undoes a bind-time offset of 1 unit along x).
    const lifted = doc.createNode('lift').setTranslation([0, 2, 0]).setScale([3, 3, 3])
    const other = doc.createNode('other').setTranslation([50, 0, 0])
    root.listScenes()[0]?.addChild(lifted).addChild(other)
    const inverseBind = [
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      -1,
      0,
      0,
      1,
      ...[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
    ]
    const skin = doc
      .createSkin('rig')
      .addJoint(lifted)
      .addJoint(other)
      .setInverseBindMatrices(
        doc.createAccessor().setType('MAT4').setArray(new Float32Array(inverseBind)).setBuffer(buffer),
      )
    const joints = new Uint8Array(count * 4)
    const weights = new Float32Array(count * 4).map((_, i) => (i % 4 === 0 ? 1 : 0))
    primitive
      .setAttribute('JOINTS_0', doc.createAccessor().setType('VEC4').setArray(joints).setBuffer(buffer))
      .setAttribute('WEIGHTS_0', doc.createAccessor().setType('VEC4').setArray(weights).setBuffer(buffer))
    meshNode.setSkin(skin).setTranslation([100, 100, 100])
    const before = positionsOf(doc)
    await doc.transform(still(), prune())

    const after = positionsOf(doc)
    for (let i = 0; i < after.length; i += 3) {
      expect(after[i]).toBeCloseTo(((before[i] ?? 0) - 1) * 3, 5)
      expect(after[i + 1]).toBeCloseTo((before[i + 1] ?? 0) * 3 + 2, 5)
      expect(after[i + 2]).toBeCloseTo((before[i + 2] ?? 0) * 3, 5)
    }
    expect(primitive.getAttribute('JOINTS_0')).toBeNull()
    expect(primitive.getAttribute('WEIGHTS_0')).toBeNull()
    expect(root.listSkins()).toHaveLength(0)
    // The mesh's own transform does not apply to a skinned mesh, so the posed one has none.
    expect(meshNode.getWorldMatrix()).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
    // Normals stay unit length.
    const normals = Array.from(primitive.getAttribute('NORMAL')?.getArray() ?? [])
    for (let i = 0; i < normals.length; i += 3) {
      expect(Math.hypot(normals[i] ?? 0, normals[i + 1] ?? 0, normals[i + 2] ?? 0)).toBeCloseTo(1, 5)
    }
  })
})
