import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { inspectDocument } from '../inspect.ts'
import { DEFAULT_LIMITS } from '../validate/limits.ts'
import { validateAndParse } from '../validate/load.ts'
import { readSource } from '../validate/source.ts'
import { DEMO_MODEL_NAMES, writeDemoModels } from './index.ts'

let dir: string
let files: string[]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-demo-'))
  files = await writeDemoModels(dir)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('demo models', () => {
  it('writes one GLB per demo model', () => {
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(DEMO_MODEL_NAMES.map((n) => `${n}.glb`))
  })

  it('are valid glTF 2.0 for the Khronos validator, with textures and a few thousand triangles', async () => {
    for (const file of files) {
      const { doc } = await validateAndParse(await readSource(file, DEFAULT_LIMITS), DEFAULT_LIMITS)
      const stats = inspectDocument(doc)
      expect(stats.triangles, file).toBeGreaterThan(100)
      expect(stats.triangles, file).toBeLessThan(20_000)
      expect(doc.getRoot().listTextures().length, file).toBeGreaterThan(0)
    }
  })
})
