import { type BuildContext, type ModelResult, type Step, unexpectedFailure } from './build-types.ts'
import { cleanDocument } from './clean.ts'
import { codecIO } from './compress/codecs.ts'
import { inspectDocument } from './inspect.ts'
import { sceneBounds } from './steps/bounds.ts'
import { modelCacheKey, restoreFromCache, storeInCache } from './steps/cache.ts'
import { buildLods } from './steps/lods.ts'
import { assembleManifest, writeManifest } from './steps/manifest.ts'
import { buildPoster } from './steps/poster.ts'
import { validateAndParse } from './validate/load.ts'
import { ModelError, reasonOf } from './validate/model-error.ts'
import { modelName, readSource } from './validate/source.ts'

export {
  type BuildContext,
  type ModelResult,
  manifestKey,
  PIPELINE_VERSION,
  type Step,
} from './build-types.ts'

/**
 * Builds one model's LODs, poster and manifest, or restores them from the cache. Never throws. The
 * steps, in order (each a named function in `src/steps/` or `src/validate/`, its options in
 * `BuildOptions` and their defaults in `defaultOptions()`):
 *
 * 1. `readSource`: the model's files, confined to its folder, under `limits.maxModelBytes`;
 * 2. `restoreFromCache`: an unchanged source with unchanged settings is restored, and done;
 * 3. `validateAndParse`: safe structural repairs (said in the result), the pipeline's limits
 *    (`limits`), then the Khronos validator, then parsed;
 * 4. `cleanDocument`: dedup, instancing, flatten, join, weld, resample, prune;
 * 5. `sceneBounds`: the box and sphere the poster and the LOD distances use;
 * 6. `buildLods`: each level of `lods` simplified, its textures encoded (`ktx2`), its geometry
 *    compressed, the smallest within `budgets.smallestLod`;
 * 7. `buildPoster`: the smallest level rendered (`poster`), when posters are on;
 * 8. `assembleManifest` and `writeManifest`: the manifest, with `budgets` warnings, written last;
 * 9. `storeInCache`.
 */
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
    const cacheKey = modelCacheKey(name, source, ctx)
    const cached = await restoreFromCache(cacheKey, ctx)
    if (cached) {
      claim()
      step('cache')
      step('done', 'unchanged')
      return result({
        status: 'cached',
        manifest: cached.manifest,
        keys: cached.keys,
        repairs: cached.repairs ?? [],
      })
    }
    step('validate')
    const { doc, repairs } = await validateAndParse(source, ctx.options.limits, await codecIO())
    claim()
    const sourceStats = inspectDocument(doc)
    step('clean')
    const clean = await cleanDocument(doc)
    const bounds = sceneBounds(clean)
    const built = await buildLods(clean, name, bounds, ctx, (index) => step(`lod${index}`))
    let poster = null
    if (built.smallest && ctx.poster && ctx.options.poster.enabled) {
      step('poster')
      const rendered = await buildPoster(built.smallest, name, bounds, ctx)
      poster = rendered.poster
      built.keys.push(...rendered.keys)
    }
    const manifest = assembleManifest(
      { name, source, parsed: doc, sourceStats, bounds, lods: built.lods, poster },
      ctx,
    )
    step('write')
    const keys = [...built.keys, await writeManifest(name, manifest, ctx)]
    await storeInCache(cacheKey, { manifest, keys, repairs }, ctx)
    step('done')
    return result({ status: 'built', manifest, keys, repairs })
  } catch (error) {
    const message = error instanceof ModelError ? error.message : unexpectedFailure(reasonOf(error))
    step('failed', message)
    return result({ status: 'failed', error: message, keys: [] })
  }
}
