import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildModels, defaultOptions, type ModelManifest, startPosterRenderer } from '@kairo/assets-pipeline'
import sharp from 'sharp'

/** A `models` document as the CMS's REST API sends it (cms: collection `models`). */
export interface ModelDoc extends Record<string, unknown> {
  id: number
  title: string
  slug: string
  alt: string
  status: 'ready'
  error: null
  manifest: ModelManifest
  updatedAt: string
}

const pad4 = (bytes: Buffer, fill: number) =>
  bytes.length % 4 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(4 - (bytes.length % 4), fill)])

/** A GLB file (glTF 2.0 binary) from its JSON and one binary buffer. */
function glb(json: object, bin: Buffer): Buffer {
  const jsonChunk = pad4(Buffer.from(JSON.stringify(json)), 0x20)
  const binChunk = pad4(bin, 0)
  const header = Buffer.alloc(12)
  header.writeUInt32LE(0x46546c67, 0)
  header.writeUInt32LE(2, 4)
  header.writeUInt32LE(12 + 8 + jsonChunk.length + 8 + binChunk.length, 8)
  const chunk = (type: number, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32LE(data.length, 0)
    head.writeUInt32LE(type, 4)
    return Buffer.concat([head, data])
  }
  return Buffer.concat([header, chunk(0x4e4f534a, jsonChunk), chunk(0x004e4942, binChunk)])
}

/**
 * A textured UV sphere (squashed by `flatten` on its y axis), written by hand so the site's tests
 * need no 3D library: positions, normals, UVs, indices and a small PNG base-colour map.
 */
export async function makeSphereGlb(color: [number, number, number], flatten = 1): Promise<Buffer> {
  const segments = 48
  const rings = 24
  const positions: number[] = []
  const normals: number[] = []
  const uvs: number[] = []
  const indices: number[] = []
  for (let r = 0; r <= rings; r++) {
    const theta = (r / rings) * Math.PI
    for (let s = 0; s <= segments; s++) {
      const phi = (s / segments) * Math.PI * 2
      const n = [Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)]
      normals.push(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0)
      positions.push(n[0] ?? 0, (n[1] ?? 0) * flatten, n[2] ?? 0)
      uvs.push(s / segments, r / rings)
    }
  }
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * (segments + 1) + s
      const b = a + segments + 1
      indices.push(a, b, a + 1, b, b + 1, a + 1)
    }
  }
  // Stripes, so the texture is not a flat colour the encoder could drop.
  const size = 16
  const pixels = Buffer.alloc(size * size * 4)
  for (let i = 0; i < size * size; i++) {
    const shade = Math.floor(i / size) % 4 < 2 ? 1 : 0.6
    pixels.set([color[0] * shade, color[1] * shade, color[2] * shade, 255], i * 4)
  }
  const png = await sharp(pixels, { raw: { width: size, height: size, channels: 4 } })
    .png()
    .toBuffer()

  const parts = [
    Buffer.from(new Float32Array(positions).buffer),
    Buffer.from(new Float32Array(normals).buffer),
    Buffer.from(new Float32Array(uvs).buffer),
    Buffer.from(new Uint16Array(indices).buffer),
    png,
  ].map((part) => pad4(part, 0))
  const offsets = parts.map((_, i) => parts.slice(0, i).reduce((sum, p) => sum + p.length, 0))
  const count = positions.length / 3
  const json = {
    asset: { version: '2.0', generator: 'kairo site test' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, name: 'body' }],
    meshes: [
      {
        primitives: [{ attributes: { POSITION: 0, NORMAL: 1, TEXCOORD_0: 2 }, indices: 3, material: 0 }],
      },
    ],
    materials: [{ pbrMetallicRoughness: { baseColorTexture: { index: 0 }, metallicFactor: 0 } }],
    textures: [{ source: 0 }],
    images: [{ bufferView: 4, mimeType: 'image/png' }],
    accessors: [
      {
        bufferView: 0,
        componentType: 5126,
        count,
        type: 'VEC3',
        min: [-1, -flatten, -1],
        max: [1, flatten, 1],
      },
      { bufferView: 1, componentType: 5126, count, type: 'VEC3' },
      { bufferView: 2, componentType: 5126, count, type: 'VEC2' },
      { bufferView: 3, componentType: 5123, count: indices.length, type: 'SCALAR' },
    ],
    bufferViews: parts.map((part, i) => ({
      buffer: 0,
      byteOffset: offsets[i],
      byteLength: i === 4 ? png.length : part.length,
      ...(i < 3 ? { target: 34962 } : i === 3 ? { target: 34963 } : {}),
    })),
    buffers: [{ byteLength: parts.reduce((sum, p) => sum + p.length, 0) }],
  }
  return glb(json, Buffer.concat(parts))
}

export interface BuiltModels {
  /** The `models` documents, manifests' URLs on `<cmsUrl>/api/model-assets/`. */
  docs(cmsUrl: string): ModelDoc[]
  /** The folder holding `models/<name>/...` (served by the fixture CMS at /api/model-assets/). */
  filesDir: string
}

/**
 * Builds the site tests' demo models with the real pipeline (LOD chain, KTX2, poster) into `dir`:
 * `planet` (a sphere) and `capsule` (a flattened one). `cacheDir` keeps the pipeline's cache across
 * runs, so a warm run takes well under a second per model.
 */
export async function buildTestModels(dir: string, cacheDir: string): Promise<BuiltModels> {
  const sources = join(dir, 'sources')
  await mkdir(sources, { recursive: true })
  const specs = [
    {
      id: 101,
      slug: 'planet',
      title: 'Planet',
      alt: 'An orange striped planet',
      glb: makeSphereGlb([220, 120, 40]),
    },
    {
      id: 102,
      slug: 'capsule',
      title: 'Capsule',
      alt: 'A flattened teal capsule',
      glb: makeSphereGlb([40, 180, 170], 0.5),
    },
  ]
  const files: string[] = []
  for (const spec of specs) {
    const file = join(sources, `${spec.slug}.glb`)
    await writeFile(file, await spec.glb)
    files.push(file)
  }
  const options = { ...defaultOptions(), baseUrl: '{{models}}/' }
  const filesDir = join(dir, 'out')
  const run = await buildModels(files, {
    outDir: filesDir,
    cacheDir,
    options,
    posterRenderer: startPosterRenderer,
  })
  const manifests = run.results.map((result) => {
    if (result.status !== 'built' && result.status !== 'cached')
      throw new Error(`test model failed: ${JSON.stringify(result)}`)
    return result.manifest as ModelManifest
  })
  return {
    filesDir,
    docs: (cmsUrl) =>
      specs.map((spec, i) => ({
        id: spec.id,
        title: spec.title,
        slug: spec.slug,
        alt: spec.alt,
        status: 'ready',
        error: null,
        manifest: JSON.parse(
          JSON.stringify(manifests[i]).replaceAll('{{models}}', `${cmsUrl}/api/model-assets`),
        ) as ModelManifest,
        updatedAt: '2026-11-20T10:00:00.000Z',
      })),
  }
}
