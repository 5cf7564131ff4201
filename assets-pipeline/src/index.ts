export { formatBytes, formatStats } from './format.ts'
export { inspectDocument, type ModelStats, type TextureStats } from './inspect.ts'
export { createIO, type LoadedModel, ModelError, readModel } from './read-model.ts'
