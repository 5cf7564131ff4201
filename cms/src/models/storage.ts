import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { ModelsEnv } from '../env.ts'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** Uploaded source models (`staticDir` of `models`), absolute and git-ignored: `cms/model-sources/`. */
export const MODEL_SOURCES_DIR = path.resolve(dirname, '../../model-sources')

/** The pipeline's output when R2 is not configured, served by `GET /api/model-assets/<key>`: `cms/model-assets/`. */
export const MODEL_ASSETS_DIR = path.resolve(dirname, '../../model-assets')

/** The pipeline's cache unless `MODEL_CACHE_DIR` says otherwise: kept across runs, re-seeds and restarts. */
export const DEFAULT_MODEL_CACHE_DIR = path.resolve(dirname, '../../../.data/model-cache')

/** The route the CMS serves local model files on (under Payload's `/api`). */
export const MODEL_ASSETS_ROUTE = '/model-assets'

/** Where one build writes and what its manifest URLs start with. */
export interface ModelStorage {
  outDir: string
  cacheDir: string
  /** Prefix of every URL in a manifest; a key is appended. Ends with `/`. */
  baseUrl: string
  /** Upload the build to R2 (R2_* env) after building. */
  upload: boolean
  posters: boolean
}

export function modelStorage(models: ModelsEnv): ModelStorage {
  return {
    outDir: MODEL_ASSETS_DIR,
    cacheDir: models.cacheDir ?? DEFAULT_MODEL_CACHE_DIR,
    // Local URLs are stored root-relative and made absolute on read (absolute-urls.ts).
    baseUrl: models.r2PublicUrl ? `${models.r2PublicUrl}/` : `/api${MODEL_ASSETS_ROUTE}/`,
    upload: models.r2PublicUrl !== null,
    posters: models.posters,
  }
}

/**
 * Keys the pipeline writes: `models/<name>/<file>`, lowercase, no empty or dot segments. Anything else
 * (`../`, encoded or not, absolute paths, backslashes) is not a key.
 */
const KEY = /^models\/[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+$/

export function isModelAssetKey(key: string): boolean {
  return key.length <= 300 && KEY.test(key)
}
