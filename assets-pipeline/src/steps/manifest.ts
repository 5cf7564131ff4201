import { basename, join } from 'node:path'
import type { Document } from '@gltf-transform/core'
import { modelBudgetWarnings } from '../budgets.ts'
import { type BuildContext, manifestKey, PIPELINE_VERSION } from '../build-types.ts'
import { writeAtomic } from '../cache.ts'
import type { ModelStats } from '../inspect.ts'
import { MANIFEST_VERSION, type ManifestLod, type ModelManifest, parseManifest } from '../manifest.ts'
import type { SourceFiles } from '../validate/source.ts'
import type { SceneBounds } from './bounds.ts'

function textureBytes(doc: Document): number {
  return doc
    .getRoot()
    .listTextures()
    .reduce((sum, texture) => sum + (texture.getImage()?.byteLength ?? 0), 0)
}

/** What the manifest is made of: the source as read, its bounds, and what the build wrote. */
export interface ManifestParts {
  name: string
  source: SourceFiles
  /** The source as parsed (before cleaning), for its triangle and texture figures. */
  parsed: Document
  sourceStats: ModelStats
  bounds: SceneBounds
  lods: ManifestLod[]
  poster: ModelManifest['poster']
}

/** The model's manifest (validated by its own parser), with the budget warnings that apply. */
export function assembleManifest(parts: ManifestParts, ctx: BuildContext): ModelManifest {
  const { name, source, bounds, lods } = parts
  const lod0 = lods[0]
  const draft = {
    version: MANIFEST_VERSION,
    name,
    source: {
      file: basename(source.file),
      sha256: source.hash,
      bytes: source.totalBytes,
      triangles: parts.sourceStats.triangles,
      textureBytes: textureBytes(parts.parsed),
    },
    bounds: { min: bounds.min, max: bounds.max, center: bounds.center, radius: bounds.radius },
    lods,
    poster: parts.poster,
    compression: { geometry: lod0?.geometry ?? 'meshopt', reason: lod0?.geometryReason ?? '' },
    encoder: {
      pipeline: PIPELINE_VERSION,
      lods: ctx.options.lods.map((level) => ({ ...level })),
      ktx2: { ...ctx.options.ktx2 },
    },
    warnings: [] as string[],
  } satisfies ModelManifest
  draft.warnings = modelBudgetWarnings(draft, ctx.options.budgets)
  return parseManifest(draft)
}

/** Writes the manifest, last of the model's files: a reader that finds it finds every file it names. */
export async function writeManifest(
  name: string,
  manifest: ModelManifest,
  ctx: BuildContext,
): Promise<string> {
  const key = manifestKey(name)
  const json = `${JSON.stringify(manifest, null, 2)}\n`
  await writeAtomic(join(ctx.outDir, key), json)
  await ctx.cache.putFile(key, new TextEncoder().encode(json))
  return key
}
