import type { Document, NodeIO } from '@gltf-transform/core'
import type { BuildContext } from '../build-types.ts'
import { codecIO } from '../compress/codecs.ts'
import { encodeGeometry, type GeometryCodec } from '../compress/geometry.ts'
import { type Decoder, decoderTransferBytes } from '../decoders.ts'
import { shortHash } from '../hash.ts'
import { inspectDocument } from '../inspect.ts'
import { simplifiedCopy } from '../lod.ts'
import type { ManifestLod } from '../manifest.ts'
import type { LodLevel } from '../options.ts'
import { type DecodedSources, encodeLodTextures } from '../textures/lod-textures.ts'
import type { SceneBounds } from './bounds.ts'
import { emit } from './emit.ts'

/** The LOD chain as written: one manifest entry and one file per level, smallest last. */
export interface BuiltLods {
  lods: ManifestLod[]
  keys: string[]
  /** The smallest level's GLB: the first frame, and what the poster renders. */
  smallest: Uint8Array | null
}

/** Rounds of the first-frame level's budget search (each halves the textures or the triangles). */
const BUDGET_ROUNDS = 8
/** The smallest texture side the budget search goes down to. */
const MIN_TEXTURE_SIZE = 32
/**
 * The loosest error bound the budget search may give the simplifier (meshoptimizer's, relative to
 * the mesh's extent: at 1 it may drop any feature to reach the asked triangle count).
 */
const MAX_ERROR = 1

function decodersFor(codec: GeometryCodec, formats: string[]): Decoder[] {
  const decoders: Decoder[] = codec === 'none' ? [] : [codec]
  if (formats.some((format) => format.startsWith('ktx2'))) decoders.push('basis')
  return decoders
}

/** One LOD: simplified, textures resized and encoded, geometry compressed with the cheaper codec. */
async function encodeLevel(
  clean: Document,
  level: LodLevel,
  ctx: BuildContext,
  io: NodeIO,
  decoderCost: Partial<Record<'draco' | 'meshopt', number>>,
  decoded: DecodedSources,
) {
  const lodDoc = await simplifiedCopy(clean, level)
  const stats = inspectDocument(lodDoc)
  const textures = await encodeLodTextures(lodDoc, level, ctx.ktx2, decoded)
  const geometry = await encodeGeometry(lodDoc, io, decoderCost)
  return { glb: geometry.glb, stats, textures, geometry, ratio: level.ratio, error: level.error }
}

/**
 * The first-frame level within its byte budget (`budgets.smallestLod`): while it is over, halve
 * whichever takes more of the file, the textures (down to 32 px) or the triangles (with the error
 * bound doubled). When halving the triangles no longer shrinks the file, the simplifier's error bound
 * is what holds it, so that bound alone is relaxed, step by step, up to {@link MAX_ERROR}; the level
 * records the bound it was built with. The search stops when nothing shrinks the file; the
 * manifest's warnings say what is left over.
 */
async function encodeWithinBudget(
  clean: Document,
  level: LodLevel,
  ctx: BuildContext,
  io: NodeIO,
  decoderCost: Partial<Record<'draco' | 'meshopt', number>>,
  decoded: DecodedSources,
) {
  let attempt = await encodeLevel(clean, level, ctx, io, decoderCost, decoded)
  let tried = level
  const overBudget = () => attempt.glb.byteLength > ctx.options.budgets.smallestLod
  for (let round = 0; round < BUDGET_ROUNDS && overBudget(); round++) {
    const textureBytes = attempt.textures.reduce((sum, t) => sum + t.bytes, 0)
    const texturesFirst =
      textureBytes > attempt.glb.byteLength - textureBytes && tried.textureSize > MIN_TEXTURE_SIZE
    const steps: LodLevel[] = texturesFirst
      ? [{ ...tried, textureSize: tried.textureSize / 2 }]
      : [
          { ...tried, ratio: tried.ratio / 2, error: Math.min(MAX_ERROR, tried.error * 2) },
          { ...tried, error: Math.min(MAX_ERROR, tried.error * 4) },
        ]
    let shrunk = false
    for (const next of steps) {
      if (next.error === tried.error && next.ratio === tried.ratio && next.textureSize === tried.textureSize)
        continue
      const encoded = await encodeLevel(clean, next, ctx, io, decoderCost, decoded)
      if (encoded.glb.byteLength >= attempt.glb.byteLength) continue
      attempt = encoded
      tried = next
      shrunk = true
      break
    }
    if (!shrunk) break
  }
  return attempt
}

/**
 * Encodes and writes every level of `options.lods`, largest first. The smallest (the first frame,
 * when there are several) weighs the decoders it would need against its geometry codec and is kept
 * within its byte budget. `onLevel` is called as each level starts.
 */
export async function buildLods(
  clean: Document,
  name: string,
  bounds: SceneBounds,
  ctx: BuildContext,
  onLevel: (index: number) => void,
): Promise<BuiltLods> {
  const io = await codecIO()
  const levels = ctx.options.lods
  const built: BuiltLods = { lods: [], keys: [], smallest: null }
  const decoded: DecodedSources = new Map()
  for (const [index, level] of levels.entries()) {
    onLevel(index)
    const firstFrame = index === levels.length - 1 && levels.length > 1
    const decoderBytes = decoderTransferBytes()
    const decoderCost = firstFrame ? { draco: decoderBytes.draco, meshopt: decoderBytes.meshopt } : {}
    const { glb, stats, textures, geometry, ratio, error } = firstFrame
      ? await encodeWithinBudget(clean, level, ctx, io, decoderCost, decoded)
      : await encodeLevel(clean, level, ctx, io, decoderCost, decoded)
    const key = `models/${name}/${name}.lod${index}.${shortHash(glb)}.glb`
    await emit(ctx, key, glb)
    built.keys.push(key)
    if (index === levels.length - 1) built.smallest = glb
    built.lods.push({
      level: index,
      key,
      url: `${ctx.options.baseUrl}${key}`,
      bytes: glb.byteLength,
      triangles: stats.triangles,
      vertices: stats.vertices,
      ratio,
      error,
      textures,
      switchDistance: Number((level.switchDistance * bounds.radius).toFixed(4)),
      geometry: geometry.codec,
      geometryReason: geometry.reason,
      decoders: decodersFor(
        geometry.codec,
        textures.map((t) => t.format),
      ),
      still: level.still === true,
    })
  }
  return built
}
