import { describe, expect, it } from 'vitest'
import { isModelManifest, manifestProblem, parseManifest } from './manifest.ts'

const valid = {
  version: 1,
  name: 'cube',
  source: { file: 'cube.glb', sha256: 'a'.repeat(64), bytes: 100, triangles: 12, textureBytes: 10 },
  bounds: { min: [-1, -1, -1], max: [1, 1, 1], center: [0, 0, 0], radius: 1.7 },
  lods: [
    {
      level: 0,
      key: 'models/cube/cube.lod0.0123456789abcdef.glb',
      url: '/models/cube/cube.lod0.0123456789abcdef.glb',
      bytes: 90,
      triangles: 12,
      vertices: 24,
      ratio: 1,
      textures: [],
      switchDistance: 0,
      geometry: 'draco',
      geometryReason: 'smaller',
      decoders: ['draco'],
    },
  ],
  poster: null,
  compression: { geometry: 'draco', reason: 'smaller' },
  encoder: { pipeline: 'kairo-assets/1', lods: [{ ratio: 1 }], ktx2: {} },
  warnings: [],
}

describe('manifest guard', () => {
  it('accepts a manifest and names the first problem of a broken one', () => {
    expect(isModelManifest(valid)).toBe(true)
    expect(parseManifest(structuredClone(valid))).toEqual(valid)
    expect(manifestProblem({ ...valid, lods: [] })).toBe('manifest.lods has fewer than 1 entries')
    expect(manifestProblem({ ...valid, source: { ...valid.source, sha256: 'nope' } })).toBe(
      'manifest.source.sha256 is not a SHA-256',
    )
    const badLod = structuredClone(valid)
    ;(badLod.lods[0] as { geometry: string }).geometry = 'gzip'
    expect(manifestProblem(badLod)).toBe('manifest.lods[0].geometry is not one of draco, meshopt, none')
    expect(() => parseManifest(null)).toThrow('invalid model manifest: manifest is not an object')
  })
})
