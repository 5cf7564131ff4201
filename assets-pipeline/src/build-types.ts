import type { BuildCache } from './cache.ts'
import type { ModelManifest } from './manifest.ts'
import type { BuildOptions } from './options.ts'
import type { PosterRenderer } from './poster/types.ts'
import type { Ktx2Encoder } from './textures/ktx2.ts'

// What one model's build shares between its steps (src/steps/) and its caller (build.ts), apart
// from build-model.ts so that the steps need not import the file that runs them.

/**
 * How a build's error begins when the fault is not the model's (a crash, a browser that would not
 * start): `failed unexpectedly (<reason>)`. `isProcessingFault` (isolated/) tells them apart by it.
 */
export const UNEXPECTED_FAILURE = 'failed unexpectedly'

/** The error of a build that failed for a reason that is not the model's. */
export const unexpectedFailure = (reason: string) => `${UNEXPECTED_FAILURE} (${reason})`

/** Bumped when the pipeline's output changes for the same input and settings. */
export const PIPELINE_VERSION = 'kairo-assets/6'

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
  /** Structural faults repaired before validation (src/validate/repair.ts), one line each. */
  repairs?: string[]
}

/** What the cache keeps of a built model: enough to restore its files and manifest. */
export interface CachedModel {
  manifest: ModelManifest
  keys: string[]
  repairs?: string[]
}

export function manifestKey(name: string): string {
  return `models/${name}/manifest.json`
}
