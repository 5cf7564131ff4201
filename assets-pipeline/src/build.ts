import { join } from 'node:path'
import { type BuildContext, buildModel, type ModelResult, type Step } from './build-model.ts'
import { BuildCache, writeAtomic } from './cache.ts'
import { type BuildOptions, defaultOptions } from './options.ts'
import type { PosterRenderer } from './poster/types.ts'
import { renderReport } from './report/html.ts'
import { Ktx2Encoder } from './textures/ktx2.ts'

export interface BuildRunOptions {
  outDir: string
  /** Default: `<outDir>/.cache`. */
  cacheDir?: string
  options?: BuildOptions
  /** Starts the poster renderer when a model needs one (none: no posters). */
  posterRenderer?: (() => Promise<PosterRenderer>) | null
  onStep?: (model: string, step: Step, detail?: string) => void
}

export interface BuildRun {
  results: ModelResult[]
  failed: number
  reportPath: string
}

function lazyRenderer(start: () => Promise<PosterRenderer>): PosterRenderer & { started: boolean } {
  let pending: Promise<PosterRenderer> | null = null
  return {
    started: false,
    render(glb, request) {
      this.started = true
      pending ??= start()
      return pending.then((renderer) => renderer.render(glb, request))
    },
    async close() {
      if (pending) await (await pending).close()
    },
  }
}

/**
 * Builds every model (several at once, each failure contained to its model), then writes the HTML
 * report. The returned results are in input order.
 */
export async function buildModels(files: string[], run: BuildRunOptions): Promise<BuildRun> {
  const options = run.options ?? defaultOptions()
  const cache = new BuildCache(run.cacheDir ?? join(run.outDir, '.cache'))
  const ktx2 = new Ktx2Encoder(cache, options.ktx2, options.workers)
  const poster = run.posterRenderer ? lazyRenderer(run.posterRenderer) : null
  const taken = new Map<string, string>()
  const ctx: BuildContext = {
    options,
    outDir: run.outDir,
    cache,
    ktx2,
    poster,
    onStep: run.onStep,
    claimName: (name, file) => claim(taken, name, file),
  }
  const results: ModelResult[] = new Array(files.length)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      const file = files[index] as string
      results[index] = await buildModel(file, ctx)
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, files.length) }, worker))
  } finally {
    await Promise.all([ktx2.close(), poster?.close()])
  }
  const reportPath = join(run.outDir, 'report.html')
  await writeAtomic(reportPath, renderReport(results, options))
  return { results, failed: results.filter((r) => r.status === 'failed').length, reportPath }
}

function claim(taken: Map<string, string>, name: string, file: string): string | null {
  const owner = taken.get(name)
  if (owner && owner !== file) return owner
  taken.set(name, file)
  return null
}
