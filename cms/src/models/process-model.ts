import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ModelManifest, ProcessLimits } from '@kairo/assets-pipeline'
import type { Payload } from 'payload'

import { readEnv } from '../env.ts'
import { STORAGE_PREFIXES } from '../storage/keys.ts'
import { readStoredFile } from '../storage/read-file.ts'
import { MODEL_SYSTEM_WRITE } from './context.ts'
import { progressHeartbeat } from './heartbeat.ts'
import { pipeline } from './pipeline.ts'
import { MODEL_SOURCES_DIR, type ModelStorage, modelStorage } from './storage.ts'

export type ProcessOutcome = 'ready' | 'failed' | 'missing' | 'superseded'

export interface ProcessOptions {
  /** Overrides the environment's storage (tests: posters on or off, another folder). */
  storage?: Partial<ModelStorage>
  /** Overrides the environment's processing limits (tests: a time limit that a build cannot meet). */
  limits?: Partial<ProcessLimits>
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Builds one `models` document's source file with the asset pipeline, in a child process with a
 * memory and a time limit (`MODEL_MEMORY_LIMIT_MB`, `MODEL_TIME_LIMIT_SECONDS`: an editor's file is
 * untrusted, and whatever it makes the pipeline allocate or loop on stays out of the CMS's own
 * process), and records the outcome on the document: `processing` while it runs (its `updatedAt` moving with the build's progress, see
 * heartbeat.ts), then `ready` with the pipeline's manifest, or `failed` with the pipeline's reason
 * (shown to the editor; the last processed version's manifest stays, for its files' sake). Uploads
 * to R2 first when it is configured, so a `ready` manifest never names a file readers cannot fetch.
 * The job and the seed both call this.
 *
 * Note: if the editor uploads another file while this runs, the document is queued again; this run
 * then records nothing (`superseded`) and the newer job builds the newer file.
 */
export async function processModel(
  payload: Payload,
  id: number,
  options: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const env = readEnv()
  const storage = { ...modelStorage(env.models), ...options.storage }
  const read = () =>
    payload.findByID({ collection: 'models', id, depth: 0, overrideAccess: true, disableErrors: true })
  const record = (data: {
    status: 'processing' | 'ready' | 'failed'
    error?: string | null
    manifest?: ModelManifest | null
  }) =>
    payload.update({
      collection: 'models',
      id,
      data: data as never,
      overrideAccess: true,
      context: { [MODEL_SYSTEM_WRITE]: true },
    })

  const { buildModelInChild, defaultOptions, uploadBuild, uploadConfigFromEnv } = await pipeline()
  const doc = await read()
  if (!doc?.filename) return 'missing'
  const filename = doc.filename
  await record({ status: 'processing', error: null })
  const progress = progressHeartbeat(payload, id)

  // The output name is the slug (unique), so two sources called `model.glb` never share a manifest key.
  const work = await mkdtemp(path.join(tmpdir(), 'kairo-model-'))
  let outcome: { status: 'ready'; manifest: ModelManifest } | { status: 'failed'; error: string }
  try {
    const file = path.join(work, `${doc.slug}.glb`)
    // The source is in R2_MEDIA_BUCKET (or cms/model-sources/ without it), read by its stored name.
    const source = await readStoredFile(env.storage, {
      filename,
      prefix: doc.prefix || STORAGE_PREFIXES.models,
      localDir: MODEL_SOURCES_DIR,
    })
    await writeFile(file, source)
    const build = defaultOptions()
    build.baseUrl = storage.baseUrl
    build.poster.enabled = storage.posters
    const result = await buildModelInChild(file, {
      outDir: storage.outDir,
      cacheDir: storage.cacheDir,
      options: build,
      posters: storage.posters,
      limits: { ...env.models.processLimits, ...options.limits },
      onStep: () => void progress(),
    })
    if (result.status === 'failed' || !result.manifest) {
      outcome = { status: 'failed', error: `${filename} ${result.error ?? 'was not built'}` }
    } else if (storage.upload) {
      void progress()
      const summary = await uploadBuild([result], storage.outDir, uploadConfigFromEnv(process.env))
      const failure = summary.failures[0]
      outcome = failure
        ? { status: 'failed', error: `upload to R2 failed: ${failure.error}` }
        : { status: 'ready', manifest: result.manifest }
    } else {
      outcome = { status: 'ready', manifest: result.manifest }
    }
  } catch (error) {
    outcome = { status: 'failed', error: `processing failed: ${reasonOf(error)}` }
  } finally {
    await rm(work, { recursive: true, force: true })
  }

  const now = await read()
  if (!now || now.filename !== filename || now.status !== 'processing') return 'superseded'
  if (outcome.status === 'ready') {
    await record({ status: 'ready', error: null, manifest: outcome.manifest })
  } else {
    payload.logger.warn(`models: ${doc.slug}: ${outcome.error}`)
    await record({ status: 'failed', error: outcome.error })
  }
  return outcome.status
}
