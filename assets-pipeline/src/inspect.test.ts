import { describe, expect, it } from 'vitest'
import { makeCube } from '../test/make-cube.ts'
import { inspectDocument } from './inspect.ts'

describe('inspectDocument', () => {
  it('counts a textured cube: 12 triangles, 24 vertices, one 4×4 texture', () => {
    const stats = inspectDocument(makeCube())
    expect(stats).toMatchObject({
      meshes: 1,
      primitives: 1,
      triangles: 12,
      vertices: 24,
      materials: 1,
      animations: 0,
    })
    expect(stats.textures).toEqual([
      {
        name: 'checker',
        slots: ['baseColorTexture'],
        mimeType: 'image/png',
        width: 4,
        height: 4,
        bytes: expect.any(Number),
      },
    ])
  })

  it('counts strips and non-indexed primitives, and gives lines no triangles', () => {
    const doc = makeCube()
    const [cube] = doc.getRoot().listMeshes()[0]?.listPrimitives() ?? []
    if (!cube) throw new Error('cube has a primitive')
    const position = cube.getAttribute('POSITION')
    const strip = doc.createPrimitive().setMode(5).setAttribute('POSITION', position) // TRIANGLE_STRIP
    const lines = doc.createPrimitive().setMode(1).setAttribute('POSITION', position) // LINES
    doc.createMesh('extra').addPrimitive(strip).addPrimitive(lines)
    // 12 (cube) + 24 - 2 (strip over 24 vertices) + 0 (lines)
    expect(inspectDocument(doc)).toMatchObject({ meshes: 2, primitives: 3, triangles: 34, vertices: 72 })
  })
})
