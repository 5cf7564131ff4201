import type { Document, NodeIO } from '@gltf-transform/core'
import { cloneDocument, draco, meshopt } from '@gltf-transform/functions'
import { MeshoptEncoder } from 'meshoptimizer'
import { formatBytes } from '../format.ts'

export type GeometryCodec = 'draco' | 'meshopt'

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
 * critical path). Draco is not tried for morph targets, which it cannot compress; animation data
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
  const cost = (codec: GeometryCodec, bytes: number) => bytes + (decoderCost[codec] ?? 0)
  const withDecoder = Object.keys(decoderCost).length > 0 ? ' with its decoder' : ''
  const describe = (codec: GeometryCodec, bytes: number) => `${codec} ${formatBytes(cost(codec, bytes))}`
  if (cost('draco', viaDraco.byteLength) < cost('meshopt', viaMeshopt.byteLength)) {
    const reason = `smaller${withDecoder}: ${describe('draco', viaDraco.byteLength)} vs ${describe('meshopt', viaMeshopt.byteLength)}`
    return { glb: viaDraco, codec: 'draco', reason, tried }
  }
  const reason = `smaller${withDecoder}: ${describe('meshopt', viaMeshopt.byteLength)} vs ${describe('draco', viaDraco.byteLength)}`
  return { glb: viaMeshopt, codec: 'meshopt', reason, tried }
}
