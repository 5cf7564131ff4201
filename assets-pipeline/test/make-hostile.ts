import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Format, NodeIO } from '@gltf-transform/core'
import { writeGlb } from '../src/validate/glb.ts'
import { makeCube, makePng } from './make-cube.ts'

type Json = Record<string, unknown> & {
  buffers?: { uri?: string; byteLength: number }[]
  images?: { uri?: string; bufferView?: number; mimeType?: string }[]
}

/** Packs glTF JSON and a binary chunk into a GLB, so tests can tamper with the JSON first. */
export const packGlb = writeGlb

/** The cube as GLB-ready JSON plus its binary chunk (textures in buffer views). */
export async function cubeParts(): Promise<{ json: Json; bin: Uint8Array }> {
  const { json, resources } = await new NodeIO().writeJSON(makeCube(), { format: Format.GLB })
  const bin = Object.values(resources)[0] ?? new Uint8Array()
  return { json: json as unknown as Json, bin }
}

/** The cube as a `.gltf` with a separate `.bin` and `.png` beside it (a well-behaved multi-file model). */
export async function writeCubeGltf(dir: string, name = 'cube'): Promise<string> {
  await mkdir(dir, { recursive: true })
  const { json, resources } = await new NodeIO().writeJSON(makeCube(), {
    format: Format.GLTF,
    basename: name,
  })
  for (const [uri, data] of Object.entries(resources)) await writeFile(join(dir, uri), data)
  const file = join(dir, `${name}.gltf`)
  await writeFile(file, JSON.stringify(json))
  return file
}

/** Writes a `.gltf` whose buffer URI is replaced, each in its own folder. */
async function gltfWithBufferUri(dir: string, uri: string): Promise<string> {
  const file = await writeCubeGltf(dir, 'model')
  const { readFile } = await import('node:fs/promises')
  const json = JSON.parse(await readFile(file, 'utf8')) as Json
  if (json.buffers?.[0]) json.buffers[0].uri = uri
  await writeFile(file, JSON.stringify(json))
  return file
}

/** Hostile and broken models, each with the reason the pipeline must give (a RegExp on the message). */
export async function writeHostileModels(dir: string): Promise<{ file: string; reason: RegExp }[]> {
  await mkdir(dir, { recursive: true })
  // A file outside each model's folder that a careless reader would happily load.
  await writeFile(join(dir, 'secret.bin'), new Uint8Array(4096).fill(7))
  const models: { file: string; reason: RegExp }[] = []

  models.push({
    file: await gltfWithBufferUri(join(dir, 'escape'), '../secret.bin'),
    reason: /leaving the model's folder "\.\.\/secret\.bin"/,
  })
  models.push({
    file: await gltfWithBufferUri(join(dir, 'encoded-escape'), '%2E%2E/secret.bin'),
    reason: /leaving the model's folder/,
  })
  models.push({
    file: await gltfWithBufferUri(join(dir, 'absolute'), join(dir, 'secret.bin')),
    reason: /an absolute path/,
  })
  models.push({
    file: await gltfWithBufferUri(join(dir, 'file-uri'), `file://${join(dir, 'secret.bin')}`),
    reason: /a file: URI/,
  })
  models.push({
    file: await gltfWithBufferUri(join(dir, 'remote'), 'https://example.com/cube.bin'),
    reason: /a URL "https:/,
  })
  const linked = await gltfWithBufferUri(join(dir, 'symlink'), 'link.bin')
  await symlink(join(dir, 'secret.bin'), join(dir, 'symlink', 'link.bin'))
  models.push({ file: linked, reason: /links outside the model's folder/ })

  const { json, bin } = await cubeParts()
  const oversized = structuredClone(json)
  if (oversized.buffers?.[0]) oversized.buffers[0].byteLength = 2_000_000_000
  await writeFile(join(dir, 'oversized-buffer.glb'), packGlb(oversized, bin))
  models.push({
    file: join(dir, 'oversized-buffer.glb'),
    reason: /buffer 0 declares 2000000000 bytes, larger than/,
  })

  // A PNG whose header claims 60000×60000 pixels: tiny on disk, 14 GB once decoded.
  const bomb = makePng(2, 2)
  new DataView(bomb.buffer, bomb.byteOffset).setUint32(16, 60_000)
  new DataView(bomb.buffer, bomb.byteOffset).setUint32(20, 60_000)
  const bombJson = structuredClone(json)
  await writeFile(join(dir, 'huge-texture.gltf'), JSON.stringify(withImage(bombJson, bin, bomb)))
  models.push({
    file: join(dir, 'huge-texture.gltf'),
    reason: /texture 0.* is 60000×60000 px, over the limit/,
  })

  // The same bomb as KTX2 (a real 4×4 file whose header then claims 60000×60000 pixels): the
  // pixel limit holds for every format, not only the ones the pipeline re-encodes from.
  const ktx2 = await tinyKtx2()
  new DataView(ktx2.buffer, ktx2.byteOffset).setUint32(20, 60_000, true)
  new DataView(ktx2.buffer, ktx2.byteOffset).setUint32(24, 60_000, true)
  await writeFile(
    join(dir, 'huge-ktx2.gltf'),
    JSON.stringify(withImage(structuredClone(json), bin, ktx2, 'image/ktx2')),
  )
  models.push({ file: join(dir, 'huge-ktx2.gltf'), reason: /texture 0.* is 60000×60000 px, over the limit/ })

  // Geometry bombs: a few kilobytes that declare gigabytes once decoded. As a Draco primitive's
  // accessors do, these have no buffer view, only a count (150 million vertices each); and a
  // meshopt-compressed buffer view declares a billion 16-byte elements.
  const draco = structuredClone(json) as Json & { accessors: Record<string, unknown>[] }
  for (const accessor of draco.accessors) {
    accessor.count = 150_000_000
    delete accessor.bufferView
    delete accessor.min
    delete accessor.max
  }
  await writeFile(join(dir, 'geometry-bomb.glb'), packGlb(draco, bin))
  models.push({
    file: join(dir, 'geometry-bomb.glb'),
    reason: /would take [\d.]+ GiB of geometry once decoded, over the 512\.00 MiB limit/,
  })
  const meshopt = structuredClone(json) as Json & { bufferViews: Record<string, unknown>[] }
  const [firstView] = meshopt.bufferViews
  if (firstView) {
    firstView.extensions = {
      EXT_meshopt_compression: {
        buffer: 0,
        byteLength: 16,
        byteStride: 16,
        count: 1_000_000_000,
        mode: 'ATTRIBUTES',
      },
    }
  }
  meshopt.extensionsUsed = ['EXT_meshopt_compression']
  await writeFile(join(dir, 'meshopt-bomb.glb'), packGlb(meshopt, bin))
  models.push({
    file: join(dir, 'meshopt-bomb.glb'),
    reason: /would take 14\.\d\d GiB of geometry once decoded/,
  })

  const whole = packGlb(json, bin)
  await writeFile(join(dir, 'truncated.glb'), whole.subarray(0, Math.floor(whole.byteLength / 2)))
  models.push({ file: join(dir, 'truncated.glb'), reason: /is truncated/ })
  await writeFile(join(dir, 'not-gltf.glb'), 'this is a text file, not a model')
  models.push({ file: join(dir, 'not-gltf.glb'), reason: /is not a GLB file/ })
  await writeFile(join(dir, 'not-gltf.gltf'), JSON.stringify({ hello: 'world' }))
  models.push({ file: join(dir, 'not-gltf.gltf'), reason: /is not glTF \(no "asset" object\)/ })
  // Structurally a GLB, but an accessor points past its buffer view: only the Khronos validator sees it.
  const broken = structuredClone(json) as Json & { accessors: { count: number }[] }
  if (broken.accessors[0]) broken.accessors[0].count = 100_000
  await writeFile(join(dir, 'bad-accessor.glb'), packGlb(broken, bin))
  models.push({ file: join(dir, 'bad-accessor.glb'), reason: /fails the Khronos glTF validator/ })
  return models
}

/** A real 4×4 KTX2 (ETC1S), from the encoder the pipeline uses. */
async function tinyKtx2(): Promise<Uint8Array> {
  const { encodeToKTX2 } = await import('ktx2-encoder')
  const rgba = new Uint8Array(4 * 4 * 4).fill(200)
  const image = { data: rgba, width: 4, height: 4 }
  // The encoder reports progress on console.log.
  const log = console.log
  console.log = () => {}
  try {
    return await encodeToKTX2(rgba, { imageDecoder: async () => image, isUASTC: false })
  } finally {
    console.log = log
  }
}

/** Replaces the cube's image with `image`, embedded as a data URI; the binary buffer becomes a data URI too. */
function withImage(json: Json, bin: Uint8Array, image: Uint8Array, mimeType = 'image/png'): Json {
  const out = structuredClone(json)
  if (out.buffers?.[0])
    out.buffers[0].uri = `data:application/octet-stream;base64,${Buffer.from(bin).toString('base64')}`
  out.images = [{ uri: `data:${mimeType};base64,${Buffer.from(image).toString('base64')}` }]
  return out
}
