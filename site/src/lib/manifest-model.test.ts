import { describe, expect, it } from 'vitest'
import { ManifestError, manifestModel } from './manifest-model.ts'
import { viewerManifestPath } from './viewer-manifest-path.ts'

const manifestUrl =
  'https://kairo.example/dashboard/projects/p/deliverables/d/versions/2/viewer/manifest.json'

function manifest(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    name: 'rover',
    bounds: { min: [-1, 0, -1], max: [1, 2, 1], center: [0, 1, 0], radius: 1.7 },
    lods: [
      {
        key: 'models/rover/rover.lod0.0123456789abcdef.glb',
        url: 'https://elsewhere.example/models/rover/rover.lod0.0123456789abcdef.glb',
        bytes: 180_000,
        triangles: 40_000,
        switchDistance: 0,
        decoders: ['draco', 'basis'],
      },
      {
        key: 'models/rover/rover.lod2.fedcba9876543210.glb',
        url: '/models/rover/rover.lod2.fedcba9876543210.glb',
        bytes: 60_000,
        triangles: 4_000,
        switchDistance: 17,
        decoders: [],
      },
    ],
    poster: { width: 1200, height: 900, background: '#102030', images: [] },
    ...overrides,
  }
}

describe('manifestModel', () => {
  it('reads every level from beside the manifest, whatever base URL the pipeline wrote', () => {
    const model = manifestModel(manifest(), manifestUrl)
    expect(model.center).toEqual([0, 1, 0])
    expect(model.radius).toBe(1.7)
    expect(model.background).toBe('#102030')
    expect(model.lods.map((lod) => lod.src)).toEqual([
      '/dashboard/projects/p/deliverables/d/versions/2/viewer/rover.lod0.0123456789abcdef.glb',
      '/dashboard/projects/p/deliverables/d/versions/2/viewer/rover.lod2.fedcba9876543210.glb',
    ])
    expect(model.lods[0]?.decoders).toEqual(['draco', 'basis'])
    expect(model.lods[1]?.switchDistance).toBe(17)
  })

  it('refuses what it cannot draw safely', () => {
    const bad = [
      null,
      manifest({ version: 2 }),
      manifest({ bounds: { center: [0, 0], radius: 1 } }),
      manifest({ bounds: { center: [0, 0, 0], radius: 0 } }),
      manifest({ lods: [] }),
      manifest({
        lods: [{ key: '../../secret.glb', bytes: 1, triangles: 1, switchDistance: 0, decoders: [] }],
      }),
      manifest({ lods: [{ key: 'models/x/x.js', bytes: 1, triangles: 1, switchDistance: 0, decoders: [] }] }),
      manifest({
        lods: [{ key: 'models/x/x.glb', bytes: 1, triangles: 1, switchDistance: 0, decoders: ['eval'] }],
      }),
      manifest({ lods: [{ key: 'models/x/x.glb', decoders: [] }] }),
    ]
    for (const input of bad) expect(() => manifestModel(input, manifestUrl)).toThrow(ManifestError)
  })

  it("reads a deliverable's manifest, whose keys the Worker rewrote to bare file names", () => {
    const lods = [0, 2].map((n) => ({
      key: `lod${n}.glb`,
      url: `lod${n}.glb`,
      bytes: 1,
      triangles: 1,
      switchDistance: n,
      decoders: [],
    }))
    expect(manifestModel(manifest({ lods }), manifestUrl).lods.map((lod) => lod.src)).toEqual([
      '/dashboard/projects/p/deliverables/d/versions/2/viewer/lod0.glb',
      '/dashboard/projects/p/deliverables/d/versions/2/viewer/lod2.glb',
    ])
  })

  it('falls back to the stage colour when the poster has none', () => {
    expect(manifestModel(manifest({ poster: null }), manifestUrl).background).toBe('#0b0d12')
  })
})

describe('viewerManifestPath', () => {
  it('accepts only a dashboard viewer manifest on this origin', () => {
    const path = '/dashboard/projects/p1/deliverables/d1/versions/3/viewer/manifest.json'
    expect(viewerManifestPath(`?manifest=${encodeURIComponent(path)}`)).toBe(path)
    for (const value of [
      '',
      'https://evil.example/dashboard/x/viewer/manifest.json',
      '//evil.example/dashboard/x/viewer/manifest.json',
      '/dashboard/../api/v1/projects/viewer/manifest.json',
      '/dashboard/x/viewer/other.json',
      '/api/v1/projects',
    ])
      expect(viewerManifestPath(`?manifest=${encodeURIComponent(value)}`), value).toBeNull()
  })
})
