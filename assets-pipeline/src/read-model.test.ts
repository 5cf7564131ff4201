import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Format } from '@gltf-transform/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCube } from '../test/make-cube.ts'
import { inspectDocument } from './inspect.ts'
import { createIO, ModelError, readModel } from './read-model.ts'

let dir: string
let glb: Uint8Array
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-assets-read-'))
  glb = await createIO().writeBinary(makeCube())
  await writeFile(join(dir, 'cube.glb'), glb)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function gltfWith(buffersUri: (dataUri: string) => string): Promise<string> {
  const { json, resources } = await createIO().writeJSON(makeCube(), {
    format: Format.GLTF,
    basename: 'cube',
  })
  for (const buffer of json.buffers ?? []) {
    const bytes = resources[buffer.uri ?? ''] ?? new Uint8Array()
    buffer.uri = buffersUri(`data:application/octet-stream;base64,${Buffer.from(bytes).toString('base64')}`)
  }
  for (const image of json.images ?? []) {
    image.uri = `data:image/png;base64,${Buffer.from(resources[image.uri ?? ''] ?? []).toString('base64')}`
  }
  const path = join(dir, `cube-${Math.random().toString(36).slice(2)}.gltf`)
  await writeFile(path, JSON.stringify(json))
  return path
}

describe('readModel', () => {
  it('reads a .glb and reports its file size', async () => {
    const { doc, fileBytes } = await readModel(join(dir, 'cube.glb'))
    expect(fileBytes).toBe(glb.byteLength)
    expect(inspectDocument(doc).triangles).toBe(12)
  })

  it('reads a .gltf whose resources are embedded data URIs', async () => {
    const { doc } = await readModel(await gltfWith((dataUri) => dataUri))
    expect(inspectDocument(doc)).toMatchObject({ triangles: 12, textures: [{ width: 4, height: 4 }] })
  })

  it('refuses a .gltf that points at other files, without reading them', async () => {
    const path = await gltfWith(() => '../../../etc/passwd')
    await expect(readModel(path)).rejects.toThrow(/references an external file "..\/..\/..\/etc\/passwd"/)
  })

  it('explains truncated, garbage, missing and non-glTF files', async () => {
    await writeFile(join(dir, 'truncated.glb'), glb.subarray(0, 200))
    await writeFile(join(dir, 'garbage.glb'), 'this is not a model at all')
    await writeFile(join(dir, 'notes.txt'), 'hello')
    for (const [file, reason] of [
      ['truncated.glb', /^not valid glTF 2.0 \(.+\)$/],
      ['garbage.glb', /^not valid glTF 2.0 \(.+\)$/],
      ['missing.glb', /^no such file$/],
      ['notes.txt', /^not a .glb or .gltf file$/],
    ] as const) {
      const error = await readModel(join(dir, file)).catch((e: unknown) => e)
      expect(error, file).toBeInstanceOf(ModelError)
      expect((error as Error).message, file).toMatch(reason)
    }
  })
})
