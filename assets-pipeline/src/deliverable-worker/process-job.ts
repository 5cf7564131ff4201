import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import {
  buildModelInChild,
  DEFAULT_PROCESS_LIMITS,
  isProcessingFault,
  type ProcessLimits,
} from '../isolated/build-in-child.ts'
import { defaultOptions } from '../options.ts'
import type { ClaimedJob, PipelineApi } from './api-client.ts'
import { viewerOutputs } from './outputs.ts'

/**
 * What became of a job: `ready` (complete accepted), `failed` (the model was rejected: reported for
 * good), `retry` (a fault on our side: reported, the Worker queues it again), `lost` (the lease was
 * no longer ours; the Worker's next claim decides).
 */
export type JobOutcome = 'ready' | 'failed' | 'retry' | 'lost'

export interface ProcessJobOptions {
  api: PipelineApi
  /**
   * What one build may take in its child process (default {@link DEFAULT_PROCESS_LIMITS}: 3072 MiB,
   * 10 minutes, inside the Worker's 15-minute job lease). A model over either fails for good.
   */
  limits?: ProcessLimits
  /** Where the per-job temp folder goes (default: the OS temp folder). */
  tempDir?: string
  /** A line for the operator; never given the token. */
  log?: (message: string) => void
}

/**
 * Runs one claimed job: downloads the source into a temp folder, builds it in a child process with a
 * memory and a time limit (validated as untrusted input, LODs, poster, manifest), uploads each output under its fixed name, then completes the job,
 * which writes the manifest and marks the version ready. A model the pipeline rejects is failed with
 * the pipeline's reason in the client's words (`<file name> <why>`), as is one over a limit; a fault
 * on this side (Chromium, the disk, a crashed child) is failed with `retry`, so the Worker queues it again while attempts remain. The temp
 * folder is removed whatever happens. Errors talking to the API are thrown: the lease then runs out
 * and the job is claimed again.
 */
export async function processJob(job: ClaimedJob, options: ProcessJobOptions): Promise<JobOutcome> {
  const { api } = options
  const log = options.log ?? (() => {})
  const work = await mkdtemp(join(options.tempDir ?? tmpdir(), 'kairo-deliverable-'))
  try {
    // The output name is fixed ("model"): the client's file name never reaches a path.
    const extension = extname(job.fileName).toLowerCase() === '.gltf' ? '.gltf' : '.glb'
    const source = join(work, `model${extension}`)
    const downloaded = await api.downloadSource(job, source)
    if (!downloaded.ok) {
      if (downloaded.reason === 'not_leased') return 'lost'
      return report(api, job, `${job.fileName} is missing from storage`, false)
    }
    const build = defaultOptions()
    build.poster.enabled = true
    const outDir = join(work, 'out')
    const result = await buildModelInChild(source, {
      outDir,
      cacheDir: join(work, 'cache'),
      options: build,
      posters: true,
      limits: options.limits ?? DEFAULT_PROCESS_LIMITS,
    })
    if (!result.manifest || result.status === 'failed') {
      const why = (result.error ?? 'was not built').replaceAll(work, '.')
      if (isProcessingFault(why)) {
        log(`job ${job.id}: ${why}`)
        return report(
          api,
          job,
          `${job.fileName} could not be processed because of an error on our side`,
          true,
        )
      }
      return report(api, job, `${job.fileName} ${why}`, false)
    }
    if (!result.manifest.poster) {
      return report(api, job, `${job.fileName} could not be processed: no poster was rendered`, true)
    }
    const viewer = viewerOutputs(result.manifest, outDir, job.fileName)
    for (const file of viewer.files) {
      const put = await api.putOutput(job.id, file.name, file.path)
      if (!put.ok) {
        if (put.reason === 'not_leased') return 'lost'
        log(`job ${job.id}: ${file.name} refused: ${put.message}`)
        return report(api, job, `${job.fileName} could not be stored for viewing`, true)
      }
    }
    const completed = await api.complete(job.id, viewer.manifest)
    if (!completed.ok) {
      if (completed.reason === 'not_leased') return 'lost'
      log(`job ${job.id}: complete refused: ${completed.message}`)
      return report(api, job, `${job.fileName} could not be stored for viewing`, true)
    }
    return 'ready'
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function report(
  api: PipelineApi,
  job: ClaimedJob,
  reason: string,
  retry: boolean,
): Promise<JobOutcome> {
  const answer = await api.fail(job.id, reason, retry)
  if (!answer.ok && answer.reason === 'not_leased') return 'lost'
  return retry ? 'retry' : 'failed'
}
