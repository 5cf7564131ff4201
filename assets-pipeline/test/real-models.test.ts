import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildModels } from '../src/build.ts'
import { defaultOptions } from '../src/options.ts'
import { DEFAULT_LIMITS } from '../src/validate/limits.ts'
import { validateAndParse } from '../src/validate/load.ts'
import { readSource } from '../src/validate/source.ts'

// The shared real-world models (../shared/models); without them these tests are reported as skipped.
const MODELS = '/work/shared/models'
const fox = join(MODELS, 'Fox/Fox.glb')
const morph = join(MODELS, 'MorphStressTest/MorphStressTest.gltf')
const flight = join(MODELS, 'FlightHelmet/FlightHelmet.gltf')
const present = [fox, morph, flight].every((file) => existsSync(file))

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-real-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe.skipIf(!present)(`real models (needs ${MODELS})`, () => {
  it('reads FlightHelmet’s .gltf with its .bin and 15 PNGs through the confined resolver', async () => {
    const source = await readSource(flight, DEFAULT_LIMITS)
    expect(source.resources.size).toBe(16)
    const { doc } = await validateAndParse(source, DEFAULT_LIMITS)
    expect(doc.getRoot().listMeshes()).toHaveLength(6)
  })

  it('builds Fox (skinned, animated) and MorphStressTest (morph targets) into LOD chains', async () => {
    const options = defaultOptions()
    options.poster.enabled = false
    // Small textures keep this test quick; the benchmark runs the real sizes.
    options.lods.forEach((level, i) => {
      level.textureSize = [64, 32, 16][i] ?? 16
    })
    const run = await buildModels([fox, morph], { outDir: join(dir, 'out'), options, posterRenderer: null })
    const [foxResult, morphResult] = run.results
    expect(foxResult?.status, foxResult?.error).toBe('built')
    expect(morphResult?.status, morphResult?.error).toBe('built')
    expect(foxResult?.manifest?.source.triangles).toBe(576)
    expect(morphResult?.manifest?.compression.geometry).toBe('meshopt')
    for (const manifest of [foxResult?.manifest, morphResult?.manifest]) {
      const lods = manifest?.lods ?? []
      expect(lods).toHaveLength(3)
      expect(lods.at(-1)?.bytes).toBeLessThanOrEqual(100_000)
      // The first frame is a still: the Fox's keyframes and skeleton and the 16 morph targets stay
      // with the finer levels, which is what keeps it small (each about 40 KB with them).
      expect(lods.at(-1)?.still).toBe(true)
      expect(lods.at(-1)?.bytes).toBeLessThan(20_000)
      expect(lods[0]?.bytes).toBeGreaterThan((lods.at(-1)?.bytes ?? 0) * 3)
    }
  }, 120_000)
})
