import { join } from 'node:path'
import type { BuildContext, CachedModel } from '../build-types.ts'
import { PIPELINE_VERSION } from '../build-types.ts'
import { sha256 } from '../hash.ts'
import { outputFingerprint } from '../options.ts'
import type { SourceFiles } from '../validate/source.ts'

/** The cache key of a model's outputs: the pipeline's version, the output name, the source's bytes and the settings. */
export function modelCacheKey(name: string, source: SourceFiles, ctx: BuildContext): string {
  return sha256(PIPELINE_VERSION, name, source.hash, outputFingerprint(ctx.options))
}

/** The cached build of this exact source and settings, when every one of its files is restored; else null. */
export async function restoreFromCache(cacheKey: string, ctx: BuildContext): Promise<CachedModel | null> {
  const cached = await ctx.cache.getJson<CachedModel>('models', cacheKey)
  if (!cached) return null
  const restored = await Promise.all(
    cached.keys.map((key) => ctx.cache.restoreFile(key, join(ctx.outDir, key))),
  )
  return restored.every(Boolean) ? cached : null
}

/** Remembers a finished build for {@link restoreFromCache}. */
export function storeInCache(cacheKey: string, model: CachedModel, ctx: BuildContext): Promise<void> {
  return ctx.cache.putJson('models', cacheKey, model)
}
