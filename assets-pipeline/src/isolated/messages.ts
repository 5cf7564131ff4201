import type { ModelResult } from '../build-model.ts'
import type { BuildOptions } from '../options.ts'

/** What the parent asks of the child: one model, built as `buildModels` builds it. */
export interface ChildRequest {
  file: string
  outDir: string
  cacheDir: string
  options: BuildOptions
  /** Render a poster (the child starts its own headless Chromium when one is needed). */
  posters: boolean
}

/** What the child tells the parent: each step as it starts, then the result. */
export type ChildMessage = { type: 'step' } | { type: 'done'; result: ModelResult }
