export { BrowserNotFoundError, findChromium } from './browser.ts'
export { DEFAULT_BUDGETS, modelBudgetWarnings, type PageBudget, pageInitial3DBytes } from './budgets.ts'
export { type BuildRun, type BuildRunOptions, buildModels } from './build.ts'
export { type ModelResult, manifestKey, PIPELINE_VERSION } from './build-model.ts'
export { DECODER_FILES, type Decoder, decoderTransferBytes, threeLibsDir } from './decoders.ts'
export { DEMO_MODEL_NAMES, DEMO_PLANETS, demoModelGlb, writeDemoModels } from './demo/index.ts'
export { formatBytes, formatStats } from './format.ts'
export { inspectDocument, type ModelStats, type TextureStats } from './inspect.ts'
export {
  buildModelInChild,
  type ChildBuildOptions,
  DEFAULT_PROCESS_LIMITS,
  type ProcessLimits,
} from './isolated/build-in-child.ts'
export {
  isModelManifest,
  MANIFEST_VERSION,
  type ManifestLod,
  type ManifestPosterImage,
  type ModelManifest,
  manifestProblem,
  parseManifest,
} from './manifest.ts'
export { type BuildOptions, DEFAULT_LODS, defaultOptions, type LodLevel } from './options.ts'
export { startPosterRenderer } from './poster/render.ts'
export { createIO, type LoadedModel, ModelError, readModel } from './read-model.ts'
export { type DeleteSummary, deleteObjects } from './upload/delete.ts'
export { type UploadConfig, UploadConfigError, uploadConfigFromEnv } from './upload/env.ts'
export { contentTypeOf, uploadBuild } from './upload/upload.ts'
export { DEFAULT_LIMITS, type InputLimits } from './validate/limits.ts'
export { validateAndParse } from './validate/load.ts'
export { readSource, type SourceFiles } from './validate/source.ts'
