import { resolve } from 'node:path'
import { buildModels } from '../build.ts'
import { formatBytes } from '../format.ts'
import { expandInputs } from '../inputs.ts'
import { type BuildOptions, defaultOptions } from '../options.ts'
import { createProgress } from '../progress.ts'
import { type UploadConfig, UploadConfigError, uploadConfigFromEnv } from '../upload/env.ts'
import { type CliValues, UsageError } from './options.ts'

const NAME = 'kairo-assets'

function numberList(text: string, flag: string, count: number): number[] {
  const values = text.split(',').map((part) => Number(part.trim()))
  if (values.some((v) => !Number.isFinite(v) || v <= 0))
    throw new UsageError(`${flag}: give positive numbers, e.g. 1,0.5,0.2`)
  if (values.length !== count) throw new UsageError(`${flag}: give one value per LOD level (${count})`)
  return values
}

/** Applies the CLI's flags to the default options. */
export function optionsFromFlags(values: CliValues): BuildOptions {
  const options = defaultOptions()
  if (values['lod-ratios']) {
    const ratios = numberList(values['lod-ratios'], '--lod-ratios', options.lods.length)
    if (ratios.some((r) => r > 1)) throw new UsageError('--lod-ratios: each ratio is at most 1')
    options.lods.forEach((level, i) => {
      level.ratio = ratios[i] ?? level.ratio
    })
  }
  if (values['texture-sizes']) {
    const sizes = numberList(values['texture-sizes'], '--texture-sizes', options.lods.length)
    options.lods.forEach((level, i) => {
      level.textureSize = Math.round(sizes[i] ?? level.textureSize)
    })
  }
  if (values['base-url'] !== undefined) options.baseUrl = values['base-url']
  if (values['no-poster']) options.poster.enabled = false
  return options
}

/** `build`: the whole pipeline over the given files and folders, then optionally the upload. */
export async function runBuild(paths: string[], values: CliValues, baseDir: string): Promise<number> {
  if (!values.out) throw new UsageError('--out <dir> is required')
  const options = optionsFromFlags(values)
  const outDir = resolve(baseDir, values.out)
  const files = await expandInputs(paths, baseDir)
  if (files.length === 0) {
    console.error(`${NAME}: no .glb or .gltf files in ${paths.join(', ')}`)
    return 1
  }
  // Validate the upload settings before hours of encoding, not after.
  let upload: UploadConfig | null = null
  try {
    if (values.upload) upload = uploadConfigFromEnv(process.env)
  } catch (error) {
    if (!(error instanceof UploadConfigError)) throw error
    console.error(`${NAME}: ${error.message} (see .env.example)`)
    return 2
  }
  const progress = createProgress(process.stderr, values.quiet === true || values.json === true)
  const run = await buildModels(files, {
    outDir,
    cacheDir: values.cache ? resolve(baseDir, values.cache) : undefined,
    options,
    posterRenderer: options.poster.enabled
      ? async () => (await import('../poster/render.ts')).startPosterRenderer()
      : null,
    onStep: (model, step, detail) => progress.step(model, step, detail),
  })
  progress.finish()
  let failed = run.failed
  for (const result of run.results) {
    if (result.status === 'failed') console.error(`${NAME}: ${result.file}: ${result.error}`)
    for (const repair of result.repairs ?? []) console.error(`${NAME}: ${result.name}: repaired: ${repair}`)
    for (const warning of result.manifest?.warnings ?? [])
      console.error(`${NAME}: ${result.name}: budget: ${warning}`)
  }
  if (upload) {
    const { uploadBuild } = await import('../upload/upload.ts')
    const uploaded = await uploadBuild(run.results, outDir, upload, (line) => {
      if (!values.quiet) console.error(line)
    })
    for (const failure of uploaded.failures)
      console.error(`${NAME}: ${failure.name}: upload failed: ${failure.error}`)
    failed += uploaded.failures.length
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        run.results.map(({ file, name, status, error, manifest, ms }) => ({
          file,
          name,
          status,
          error,
          manifest,
          ms,
        })),
        null,
        2,
      ),
    )
  } else {
    for (const result of run.results.filter((r) => r.manifest)) {
      const lods = result.manifest?.lods.map((lod) => formatBytes(lod.bytes)).join(' / ')
      console.log(`${result.name}: ${result.status} (${(result.ms / 1000).toFixed(2)} s), LODs ${lods}`)
    }
    console.log(`report: ${run.reportPath}`)
  }
  return failed > 0 ? 1 : 0
}
