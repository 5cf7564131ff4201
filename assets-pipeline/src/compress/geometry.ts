import type { Document, NodeIO } from '@gltf-transform/core'
import { cloneDocument, draco, meshopt, quantize } from '@gltf-transform/functions'
import { MeshoptEncoder } from 'meshoptimizer'
import { formatBytes } from '../format.ts'

/** `none`: quantized only (KHR_mesh_quantization), which every glTF loader reads without a decoder. */
export type GeometryCodec = 'draco' | 'meshopt' | 'none'

export interface EncodedGeometry {
  glb: Uint8Array
  codec: GeometryCodec
  /** Why this codec, in words (for the manifest and the report). */
  reason: string
  /** File bytes with each codec tried. */
  tried: Partial<Record<GeometryCodec, number>>
}

function hasMorphTargets(doc: Document): boolean {
  return doc
    .getRoot()
    .listMeshes()
    .some((mesh) => mesh.listPrimitives().some((primitive) => primitive.listTargets().length > 0))
}

/**
 * Writes a LOD as GLB with Draco or meshopt geometry, whichever costs less: the file's bytes, plus
 * the decoder's where `decoderCost` is given (the first-frame level, whose decoder is on the
 * critical path; there, plain quantized geometry that needs no decoder competes too, and wins for
 * small meshes). Draco is not tried for morph targets, which it cannot compress; animation data
 * only meshopt compresses, so animated models usually come out meshopt on size alone.
 */
export async function encodeGeometry(
  doc: Document,
  io: NodeIO,
  decoderCost: Partial<Record<GeometryCodec, number>> = {},
): Promise<EncodedGeometry> {
  await MeshoptEncoder.ready
  const tried: Partial<Record<GeometryCodec, number>> = {}
  const meshoptDoc = cloneDocument(doc)
  await meshoptDoc.transform(meshopt({ encoder: MeshoptEncoder, level: 'high' }))
  const viaMeshopt = await io.writeBinary(meshoptDoc)
  tried.meshopt = viaMeshopt.byteLength
  if (hasMorphTargets(doc)) {
    return {
      glb: viaMeshopt,
      codec: 'meshopt',
      reason: 'morph targets, which Draco does not compress',
      tried,
    }
  }
  const dracoDoc = cloneDocument(doc)
  await dracoDoc.transform(draco({ method: 'edgebreaker' }))
  const viaDraco = await io.writeBinary(dracoDoc)
  tried.draco = viaDraco.byteLength
  const candidates: { codec: GeometryCodec; glb: Uint8Array }[] = [
    { codec: 'meshopt', glb: viaMeshopt },
    { codec: 'draco', glb: viaDraco },
  ]
  const firstFrame = Object.keys(decoderCost).length > 0
  if (firstFrame) {
    const plainDoc = cloneDocument(doc)
    await plainDoc.transform(quantize())
    const viaPlain = await io.writeBinary(plainDoc)
    tried.none = viaPlain.byteLength
    candidates.push({ codec: 'none', glb: viaPlain })
  }
  const cost = (c: { codec: GeometryCodec; glb: Uint8Array }) =>
    c.glb.byteLength + (decoderCost[c.codec] ?? 0)
  const [best, ...others] = candidates.sort((a, b) => cost(a) - cost(b)) as [
    (typeof candidates)[number],
    ...typeof candidates,
  ]
  const describe = (c: (typeof candidates)[number]) => `${c.codec} ${formatBytes(cost(c))}`
  const reason = `smaller${firstFrame ? ' with its decoder' : ''}: ${[best, ...others].map(describe).join(' vs ')}`
  return { glb: best.glb, codec: best.codec, reason, tried }
}
