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

/** Encodes a solid-colour RGBA PNG of the given size, so tests need no binary fixture files. */
export function makePng(width: number, height: number, rgba = [40, 120, 255, 255]): Uint8Array {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgba).flat()]) // filter byte 0
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  ])
}

/**
 * Builds a unit cube as a glTF-Transform Document: 24 vertices (4 per face, for flat normals and
 * UVs), 12 triangles, one material with a 4×4 base-colour texture.
 */
export function makeCube(): Document {
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
  const texture = doc.createTexture('checker').setImage(makePng(4, 4)).setMimeType('image/png')
  const material = doc.createMaterial('paint').setBaseColorTexture(texture)
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
