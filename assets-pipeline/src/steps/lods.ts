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
import { encodeLodTextures } from '../textures/lod-textures.ts'
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
const BUDGET_ROUNDS = 5
/** The smallest texture side the budget search goes down to. */
const MIN_TEXTURE_SIZE = 32

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
) {
  const lodDoc = await simplifiedCopy(clean, level)
  const stats = inspectDocument(lodDoc)
  const textures = await encodeLodTextures(lodDoc, level, ctx.ktx2)
  const geometry = await encodeGeometry(lodDoc, io, decoderCost)
  return { glb: geometry.glb, stats, textures, geometry, ratio: level.ratio }
}

/**
 * The first-frame level within its byte budget (`budgets.smallestLod`): while it is over, halve
 * whichever takes more of the file, the textures (down to 32 px) or the triangles, and stop when that
 * no longer shrinks it. The manifest's warnings say what is left when neither can go further.
 */
async function encodeWithinBudget(
  clean: Document,
  level: LodLevel,
  ctx: BuildContext,
  io: NodeIO,
  decoderCost: Partial<Record<'draco' | 'meshopt', number>>,
) {
  let attempt = await encodeLevel(clean, level, ctx, io, decoderCost)
  let tried = level
  const overBudget = () => attempt.glb.byteLength > ctx.options.budgets.smallestLod
  for (let round = 0; round < BUDGET_ROUNDS && overBudget(); round++) {
    const textureBytes = attempt.textures.reduce((sum, t) => sum + t.bytes, 0)
    const texturesFirst =
      textureBytes > attempt.glb.byteLength - textureBytes && tried.textureSize > MIN_TEXTURE_SIZE
    tried = texturesFirst
      ? { ...tried, textureSize: tried.textureSize / 2 }
      : { ...tried, ratio: tried.ratio / 2, error: Math.min(0.5, tried.error * 2) }
    const next = await encodeLevel(clean, tried, ctx, io, decoderCost)
    if (next.glb.byteLength >= attempt.glb.byteLength) break
    attempt = next
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
  for (const [index, level] of levels.entries()) {
    onLevel(index)
    const firstFrame = index === levels.length - 1 && levels.length > 1
    const decoderBytes = decoderTransferBytes()
    const decoderCost = firstFrame ? { draco: decoderBytes.draco, meshopt: decoderBytes.meshopt } : {}
    const { glb, stats, textures, geometry, ratio } = firstFrame
      ? await encodeWithinBudget(clean, level, ctx, io, decoderCost)
      : await encodeLevel(clean, level, ctx, io, decoderCost)
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
