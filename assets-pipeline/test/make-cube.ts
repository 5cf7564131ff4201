import { crc32, deflateSync } from 'node:zlib'
import { Document } from '@gltf-transform/core'

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.byteLength)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * Encodes an RGBA PNG of the given size, a checker of `rgba` and a darker shade of it (not one solid
 * colour, which the pipeline would rightly replace by a material factor), so tests need no binary
 * fixture files.
 */
export function makePng(width: number, height: number, rgba = [40, 120, 255, 255]): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const dark = rgba.map((channel, i) => (i === 3 ? channel : Math.round(channel / 2)))
  const cell = Math.max(1, Math.floor(width / 4))
  const row = (y: number) =>
    Buffer.from([
      0, // filter byte: none
      ...Array.from({ length: width }, (_, x) =>
        (Math.floor(x / cell) + Math.floor(y / cell)) % 2 ? dark : rgba,
      ).flat(),
    ])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, (_, y) => row(y))))
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  ])
}

export interface CubeOptions {
  /** Side of the base-colour texture in pixels (default 4). */
  textureSize?: number
  /** Also give the material a normal map and a metallic-roughness map (data textures). */
  dataMaps?: boolean
}

/**
 * Builds a unit cube as a glTF-Transform Document: 24 vertices (4 per face, for flat normals and
 * UVs), 12 triangles, one material with a 4×4 base-colour texture (or `textureSize`).
 */
export function makeCube(options: CubeOptions = {}): Document {
  const size = options.textureSize ?? 4
  const doc = new Document()
  const buffer = doc.createBuffer()
  const positions: number[] = []
  const uvs: number[] = []
  const indices: number[] = []
  const faces = [
    [0, 1],
    [0, -1],
    [1, 1],
    [1, -1],
    [2, 1],
    [2, -1],
  ] as const
  for (const [axis, sign] of faces) {
    const u = (axis + 1) % 3
    const v = (axis + 2) % 3
    const base = positions.length / 3
    for (const [a, b] of [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ] as const) {
      const p = [0, 0, 0]
      p[axis] = sign * 0.5
      p[u] = a * 0.5
      p[v] = b * 0.5 * sign
      positions.push(...p)
      uvs.push((a + 1) / 2, (b + 1) / 2)
    }
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3)
  }
  const texture = doc.createTexture('checker').setImage(makePng(size, size)).setMimeType('image/png')
  const material = doc.createMaterial('paint').setBaseColorTexture(texture)
  if (options.dataMaps) {
    const normal = doc.createTexture('normal').setImage(makePng(size, size, [128, 128, 255, 255]))
    const metalRough = doc.createTexture('metal-rough').setImage(makePng(size, size, [0, 200, 30, 255]))
    material
      .setNormalTexture(normal.setMimeType('image/png'))
      .setMetallicRoughnessTexture(metalRough.setMimeType('image/png'))
  }
  const primitive = doc
    .createPrimitive()
    .setAttribute(
      'POSITION',
      doc.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer),
    )
    .setAttribute(
      'TEXCOORD_0',
      doc.createAccessor().setType('VEC2').setArray(new Float32Array(uvs)).setBuffer(buffer),
    )
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)).setBuffer(buffer))
    .setMaterial(material)
  const mesh = doc.createMesh('cube').addPrimitive(primitive)
  doc.createScene().addChild(doc.createNode('cube').setMesh(mesh))
  return doc
}
