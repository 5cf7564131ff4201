import { describe, expect, it } from 'vitest'
import { modelBudgetWarnings, pageInitial3DBytes } from './budgets.ts'
import type { ManifestLod } from './manifest.ts'

function lod(level: number, bytes: number, decoders: ManifestLod['decoders'], textureBytes = 0): ManifestLod {
  return {
    level,
    key: `models/m/m.lod${level}.0000000000000000.glb`,
    url: `/models/m/m.lod${level}.0000000000000000.glb`,
    bytes,
    triangles: 1000,
    vertices: 600,
    ratio: 0.5,
    textures: textureBytes
      ? [
          {
            name: 't',
            slots: ['baseColorTexture'],
            width: 128,
            height: 128,
            format: 'webp',
            bytes: textureBytes,
            gpuBytes: 1,
          },
        ]
      : [],
    switchDistance: level * 4,
    geometry: 'meshopt',
    geometryReason: '',
    decoders,
  }
}

describe('budgets', () => {
  it('warns when the smallest LOD or LOD0 is over budget, saying what takes the bytes', () => {
    const warnings = modelBudgetWarnings({
      lods: [
        lod(0, 250_000, ['draco', 'basis']),
        lod(1, 120_000, ['draco', 'basis']),
        lod(2, 130_000, ['meshopt'], 90_000),
      ],
    })
    expect(warnings).toEqual([
      expect.stringMatching(
        /^smallest LOD is 130 KB, over the 100 KB budget: 1 texture\(s\) 90 KB at ≤128 px, geometry 40 KB/,
      ),
      expect.stringMatching(/^LOD0 is 250 KB, over the 200 KB budget/),
    ])
    expect(modelBudgetWarnings({ lods: [lod(0, 150_000, []), lod(1, 60_000, [])] })).toEqual([])
  })

  it('counts a page’s initial 3D bytes: each smallest LOD plus each decoder once', () => {
    const models = [
      { name: 'a', lods: [lod(0, 500_000, ['draco']), lod(1, 40_000, ['meshopt'])] },
      { name: 'b', lods: [lod(0, 300_000, ['draco']), lod(1, 30_000, ['meshopt'])] },
    ]
    const page = pageInitial3DBytes(models, 500_000, { meshopt: 8_000, draco: 75_000, basis: 260_000 })
    expect(page).toMatchObject({ bytes: 78_000, models: 2, decoders: ['meshopt'], ok: true })
    const heavy = pageInitial3DBytes(models, 50_000, { meshopt: 8_000 })
    expect(heavy.ok).toBe(false)
    expect(heavy.message).toMatch(/over$/)
  })

  it('measures the real decoders from node_modules by default', () => {
    const page = pageInitial3DBytes([{ name: 'a', lods: [lod(0, 1000, ['meshopt'])] }])
    expect(page.bytes).toBeGreaterThan(1000 + 5_000) // meshopt's decoder is several KB gzipped
    expect(page.bytes).toBeLessThan(1000 + 20_000)
  })
})
