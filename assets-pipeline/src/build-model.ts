import { basename, join } from 'node:path'
import type { Document, NodeIO } from '@gltf-transform/core'
import { getBounds } from '@gltf-transform/functions'
import { modelBudgetWarnings } from './budgets.ts'
import type { BuildCache } from './cache.ts'
import { writeAtomic } from './cache.ts'
import { cleanDocument } from './clean.ts'
import { codecIO } from './compress/codecs.ts'
import { encodeGeometry, type GeometryCodec } from './compress/geometry.ts'
import { type Decoder, decoderTransferBytes } from './decoders.ts'
import { sha256, shortHash } from './hash.ts'
import { inspectDocument } from './inspect.ts'
import { simplifiedCopy } from './lod.ts'
import {
  MANIFEST_VERSION,
  type ManifestLod,
  type ManifestPosterImage,
  type ModelManifest,
  parseManifest,
} from './manifest.ts'
import { type BuildOptions, type LodLevel, outputFingerprint } from './options.ts'
import { posterImages } from './poster/images.ts'
import type { PosterRenderer } from './poster/types.ts'
import type { Ktx2Encoder } from './textures/ktx2.ts'
import { encodeLodTextures } from './textures/lod-textures.ts'
import { validateAndParse } from './validate/load.ts'
import { ModelError, reasonOf } from './validate/model-error.ts'
import { modelName, readSource } from './validate/source.ts'

/** Bumped when the pipeline's output changes for the same input and settings. */
export const PIPELINE_VERSION = 'kairo-assets/4'

export type Step =
  | 'read'
  | 'cache'
  | 'validate'
  | 'clean'
  | `lod${number}`
  | 'poster'
  | 'write'
  | 'done'
  | 'failed'

export interface BuildContext {
  options: BuildOptions
  outDir: string
  cache: BuildCache
  ktx2: Ktx2Encoder
  poster: PosterRenderer | null
  onStep?: (model: string, step: Step, detail?: string) => void
  /** Reserves an output name for a file; returns the file that already has it, if another does. */
  claimName?: (name: string, file: string) => string | null
}

export interface ModelResult {
  file: string
  name: string
  status: 'built' | 'cached' | 'failed'
  /** One line: why the model failed. */
  error?: string
  manifest?: ModelManifest
  /** Keys of every file written for the model, the manifest last. */
  keys: string[]
  ms: number
}

interface CachedModel {
  manifest: ModelManifest
  keys: string[]
}

export function manifestKey(name: string): string {
  return `models/${name}/manifest.json`
}

async function emit(ctx: BuildContext, key: string, bytes: Uint8Array): Promise<void> {
  await writeAtomic(join(ctx.outDir, key), bytes)
  await ctx.cache.putFile(key, bytes)
}

function textureBytes(doc: Document): number {
  return doc
    .getRoot()
    .listTextures()
    .reduce((sum, texture) => sum + (texture.getImage()?.byteLength ?? 0), 0)
}

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

/** Builds one model's LODs, poster and manifest, or restores them from the cache. Never throws. */
export async function buildModel(file: string, ctx: BuildContext): Promise<ModelResult> {
  const started = performance.now()
  const name = modelName(file)
  const step = (s: Step, detail?: string) => ctx.onStep?.(name, s, detail)
  const result = (partial: Omit<ModelResult, 'file' | 'name' | 'ms'>): ModelResult => ({
    file,
    name,
    ...partial,
    ms: performance.now() - started,
  })
  // Only valid models take an output name; two with one name would overwrite each other's manifest.
  const claim = () => {
    const owner = ctx.claimName?.(name, file)
    if (owner) throw new ModelError(`has the same output name "${name}" as ${owner}; rename one of them`)
  }
  try {
    step('read')
    const source = await readSource(file, ctx.options.limits)
    const cacheKey = sha256(PIPELINE_VERSION, name, source.hash, outputFingerprint(ctx.options))
    const cached = await ctx.cache.getJson<CachedModel>('models', cacheKey)
    if (cached) {
      claim()
      step('cache')
      const restored = await Promise.all(
        cached.keys.map((key) => ctx.cache.restoreFile(key, join(ctx.outDir, key))),
      )
      if (restored.every(Boolean)) {
        step('done', 'unchanged')
        return result({ status: 'cached', manifest: cached.manifest, keys: cached.keys })
      }
    }
    step('validate')
    const { doc } = await validateAndParse(source, ctx.options.limits, await codecIO())
    claim()
    const sourceStats = inspectDocument(doc)
    step('clean')
    const clean = await cleanDocument(doc)
    const scene = clean.getRoot().getDefaultScene() ?? clean.getRoot().listScenes()[0]
    if (!scene) throw new ModelError('has no scene to render')
    const { min, max } = getBounds(scene)
    const center = min.map((v, i) => (v + (max[i] ?? 0)) / 2) as [number, number, number]
    const radius = Math.max(1e-6, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2)
    const io = await codecIO()
    const lods: ManifestLod[] = []
    const keys: string[] = []
    const levels = ctx.options.lods
    let smallestGlb: Uint8Array | null = null
    for (const [index, level] of levels.entries()) {
      step(`lod${index}`)
      const firstFrame = index === levels.length - 1 && levels.length > 1
      const decoderBytes = decoderTransferBytes()
      const decoderCost = firstFrame ? { draco: decoderBytes.draco, meshopt: decoderBytes.meshopt } : {}
      let attempt = await encodeLevel(clean, level, ctx, io, decoderCost)
      // The first-frame level has a byte budget: while it is over, halve whichever takes more of
      // the file — the textures (down to 32 px) or the triangles — and stop when that no longer
      // shrinks it. The warning says what is left when neither can go further.
      let tried = level
      const overBudget = () => attempt.glb.byteLength > ctx.options.budgets.smallestLod
      for (let round = 0; firstFrame && round < 5 && overBudget(); round++) {
        const textureBytes = attempt.textures.reduce((sum, t) => sum + t.bytes, 0)
        const texturesFirst = textureBytes > attempt.glb.byteLength - textureBytes && tried.textureSize > 32
        tried = texturesFirst
          ? { ...tried, textureSize: tried.textureSize / 2 }
          : { ...tried, ratio: tried.ratio / 2, error: Math.min(0.5, tried.error * 2) }
        const next = await encodeLevel(clean, tried, ctx, io, decoderCost)
        if (next.glb.byteLength >= attempt.glb.byteLength) break
        attempt = next
      }
      const { glb, stats, textures, geometry, ratio } = attempt
      const key = `models/${name}/${name}.lod${index}.${shortHash(glb)}.glb`
      await emit(ctx, key, glb)
      keys.push(key)
      if (index === levels.length - 1) smallestGlb = glb
      lods.push({
        level: index,
        key,
        url: `${ctx.options.baseUrl}${key}`,
        bytes: glb.byteLength,
        triangles: stats.triangles,
        vertices: stats.vertices,
        ratio,
        textures,
        switchDistance: Number((level.switchDistance * radius).toFixed(4)),
        geometry: geometry.codec,
        geometryReason: geometry.reason,
        decoders: decodersFor(
          geometry.codec,
          textures.map((t) => t.format),
        ),
        still: level.still === true,
      })
    }
    let poster: ModelManifest['poster'] = null
    const posterSettings = ctx.options.poster
    if (ctx.poster && posterSettings.enabled && smallestGlb) {
      step('poster')
      const [width = 1200] = posterSettings.widths
      const height = Math.round(width * posterSettings.aspect)
      const png = await ctx.poster.render(smallestGlb, {
        width,
        height,
        background: posterSettings.background,
        center,
        radius,
      })
      const images: ManifestPosterImage[] = []
      for (const image of await posterImages(png, posterSettings.widths, posterSettings.aspect)) {
        const extension = image.type === 'image/avif' ? 'avif' : 'webp'
        const key = `models/${name}/${name}.poster-${image.width}.${shortHash(image.bytes)}.${extension}`
        await emit(ctx, key, image.bytes)
        keys.push(key)
        const { bytes, ...rest } = image
        images.push({ key, url: `${ctx.options.baseUrl}${key}`, ...rest, bytes: bytes.byteLength })
      }
      poster = { width, height, background: posterSettings.background, images }
    }
    const lod0 = lods[0]
    const draft = {
      version: MANIFEST_VERSION,
      name,
      source: {
        file: basename(file),
        sha256: source.hash,
        bytes: source.totalBytes,
        triangles: sourceStats.triangles,
        textureBytes: textureBytes(doc),
      },
      bounds: {
        min: [...min] as [number, number, number],
        max: [...max] as [number, number, number],
        center,
        radius,
      },
      lods,
      poster,
      compression: { geometry: lod0?.geometry ?? 'meshopt', reason: lod0?.geometryReason ?? '' },
      encoder: {
        pipeline: PIPELINE_VERSION,
        lods: levels.map((level) => ({ ...level })),
        ktx2: { ...ctx.options.ktx2 },
      },
      warnings: [] as string[],
    } satisfies ModelManifest
    draft.warnings = modelBudgetWarnings(draft, ctx.options.budgets)
    const manifest = parseManifest(draft)
    step('write')
    // The manifest last: a reader that finds it finds every file it names.
    const key = manifestKey(name)
    await writeAtomic(join(ctx.outDir, key), `${JSON.stringify(manifest, null, 2)}\n`)
    keys.push(key)
    await ctx.cache.putFile(key, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`))
    await ctx.cache.putJson('models', cacheKey, { manifest, keys } satisfies CachedModel)
    step('done')
    return result({ status: 'built', manifest, keys })
  } catch (error) {
    const message = error instanceof ModelError ? error.message : `failed unexpectedly (${reasonOf(error)})`
    step('failed', message)
    return result({ status: 'failed', error: message, keys: [] })
  }
}
