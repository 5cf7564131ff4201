import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NodeIO } from '@gltf-transform/core'
import { KHRDracoMeshCompression } from '@gltf-transform/extensions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeCube } from '../../test/make-cube.ts'
import { cubeParts, packGlb, writeCubeGltf, writeHostileModels } from '../../test/make-hostile.ts'
import { makeAnimatedCube, makeMorphCube } from '../../test/make-models.ts'
import { codecIO } from '../compress/codecs.ts'
import { decodedGeometryBytes } from './checks.ts'
import { runKhronosValidator } from './khronos.ts'
import { DEFAULT_LIMITS } from './limits.ts'
import { validateAndParse } from './load.ts'
import { ModelError } from './model-error.ts'
import { uriRefusal } from './resolver.ts'
import { readSource } from './source.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-validate-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function load(file: string, limits = DEFAULT_LIMITS) {
  return validateAndParse(await readSource(file, limits), limits)
}

describe('untrusted models', () => {
  it('reads a .glb, a .gltf with its sibling .bin and .png, and morph or animated models', async () => {
    const io = new NodeIO()
    await writeFile(join(dir, 'cube.glb'), await io.writeBinary(makeCube()))
    await writeFile(join(dir, 'morph.glb'), await io.writeBinary(makeMorphCube()))
    await writeFile(join(dir, 'spin.glb'), await io.writeBinary(makeAnimatedCube()))
    const gltf = await writeCubeGltf(join(dir, 'multi'))
    for (const file of [join(dir, 'cube.glb'), gltf, join(dir, 'morph.glb'), join(dir, 'spin.glb')]) {
      const { doc } = await load(file)
      expect(doc.getRoot().listMeshes(), file).toHaveLength(1)
    }
    const source = await readSource(gltf, DEFAULT_LIMITS)
    expect([...source.resources.keys()].sort()).toEqual(['baseColor.png', 'cube.bin'])
    expect(source.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rejects each hostile or broken model with its reason, and reads nothing outside its folder', async () => {
    const hostile = await writeHostileModels(join(dir, 'hostile'))
    expect(hostile.length).toBeGreaterThanOrEqual(15)
    for (const { file, reason } of hostile) {
      const error = await load(file).then(
        () => null,
        (e: unknown) => e,
      )
      expect(error, file).toBeInstanceOf(ModelError)
      expect((error as Error).message, file).toMatch(reason)
    }
  })

  it('refuses files over the size limit before reading them', async () => {
    await writeFile(join(dir, 'big.glb'), await new NodeIO().writeBinary(makeCube()))
    const limits = { ...DEFAULT_LIMITS, maxModelBytes: 100 }
    await expect(readSource(join(dir, 'big.glb'), limits)).rejects.toThrow(/over the 100-byte limit/)
  })

  it('counts referenced files against the size limit', async () => {
    const gltf = await writeCubeGltf(join(dir, 'limit'))
    const { size } = await stat(gltf)
    const limits = { ...DEFAULT_LIMITS, maxModelBytes: size + 100 } // the .gltf fits, its .bin does not
    await expect(readSource(gltf, limits)).rejects.toThrow(/over the size limit/)
  })

  it('sizes the decoded geometry from the JSON as decoding then allocates it, Draco-compressed too', async () => {
    const io = await codecIO()
    // Morph targets add accessors of their own; Draco compresses only plain geometry.
    const plain = makeMorphCube()
    const compressed = makeCube()
    compressed.createExtension(KHRDracoMeshCompression).setRequired(true)
    for (const [name, doc] of [
      ['plain', plain],
      ['draco', compressed],
    ] as const) {
      const file = join(dir, `${name}-geometry.glb`)
      await writeFile(file, await io.writeBinary(doc))
      const source = await readSource(file, DEFAULT_LIMITS)
      const decoded = (await io.readBinary(source.bytes)).getRoot().listAccessors()
      const allocated = decoded.reduce((sum, accessor) => sum + (accessor.getArray()?.byteLength ?? 0), 0)
      expect(allocated, name).toBeGreaterThan(0)
      expect(decodedGeometryBytes(source.json), name).toBe(allocated)
    }
  })

  it('re-roots a scene that lists a child node as a root, says so, and still refuses a node loop', async () => {
    const { json, bin } = await cubeParts()
    // The cube's mesh node (0) becomes the child of a new group node (1), yet stays the scene's root.
    const misrooted = structuredClone(json) as typeof json & {
      nodes: Record<string, unknown>[]
      scenes: { nodes: number[] }[]
    }
    misrooted.nodes.push({ name: 'group', translation: [0, 2, 0], children: [0] })
    const file = join(dir, 'misrooted.glb')
    await writeFile(file, packGlb(misrooted, bin))
    const source = await readSource(file, DEFAULT_LIMITS)
    // As it is, the Khronos validator refuses it.
    await expect(runKhronosValidator(source)).rejects.toThrow(/SCENE_NON_ROOT_NODE/)
    const { doc, repairs } = await validateAndParse(source, DEFAULT_LIMITS)
    expect(repairs).toEqual([
      'scene 0 listed node 0 as a root, though it is a child of node 1; its root node 1 is listed instead',
    ])
    const [root] = doc.getRoot().listScenes()[0]?.listChildren() ?? []
    expect(root?.getName()).toBe('group')
    expect(root?.getTranslation()).toEqual([0, 2, 0])
    expect(root?.listChildren()[0]?.getMesh()).not.toBeNull()

    // A loop has no root to list: left as it is, and refused.
    const looped = structuredClone(misrooted)
    looped.nodes[0] = { ...looped.nodes[0], children: [1] }
    await writeFile(join(dir, 'looped.glb'), packGlb(looped, bin))
    await expect(load(join(dir, 'looped.glb'))).rejects.toThrow(/fails the Khronos glTF validator/)
    // A well-formed model needs no repair.
    expect((await load(await writeCubeGltf(join(dir, 'plain')))).repairs).toEqual([])
  })

  it('screens URIs without touching the file system', () => {
    expect(uriRefusal('textures/a.png')).toBeNull()
    expect(uriRefusal('a/../b.png')).toBeNull()
    expect(uriRefusal('a/../../b.png')).toMatch(/leaving/)
    expect(uriRefusal('C:/x.png')).toMatch(/absolute/)
    expect(uriRefusal('%2Fetc%2Fpasswd')).toMatch(/absolute/)
    expect(uriRefusal('a\\..\\..\\b')).toMatch(/backslash/)
    expect(uriRefusal('FILE:///etc/passwd')).toMatch(/file: URI/)
    expect(uriRefusal('data:application/octet-stream;base64,AAAA')).toBeNull()
  })
})
