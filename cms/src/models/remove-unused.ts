import type { Payload } from 'payload'

import { readEnv } from '../env.ts'
import { currentReferences, unreferenced } from './file-references.ts'
import { pipeline } from './pipeline.ts'
import { type RemovalReport, removeLocalFiles } from './remove-files.ts'

/** What one clean-up removed, kept and could not remove. */
export interface CleanupOutcome {
  /** Candidates no model references any more: removed from the folder (and the bucket). */
  unused: string[]
  /** Candidates still named by another model's manifest, or in a folder a build is writing. */
  kept: string[]
  local: RemovalReport
  /** Null when R2 is not configured. */
  bucket: RemovalReport | null
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function removeFromBucket(keys: string[]): Promise<RemovalReport | null> {
  if (!readEnv().models.r2PublicUrl) return null
  try {
    const { deleteObjects, uploadConfigFromEnv } = await pipeline()
    // Its errors name the R2_* variables at fault, never their values. The pipeline owns the
    // bucket's client settings and retry policy, for its uploads and these deletes alike.
    return await deleteObjects(keys, uploadConfigFromEnv(process.env))
  } catch (error) {
    return { removed: 0, failures: keys.map((key) => `${key}: ${reasonOf(error)}`) }
  }
}

/**
 * Removes those of `candidates` (storage keys a model no longer names) that no model's manifest
 * references now, from `cms/model-assets/` and, with R2 configured, from the bucket. Failures are
 * logged, without secrets, and the files stay as orphans: nothing here ever throws at an editor.
 */
export async function removeUnusedFiles(
  payload: Payload,
  candidates: string[],
  label: string,
): Promise<CleanupOutcome> {
  const unused = unreferenced(candidates, await currentReferences(payload))
  const kept = candidates.filter((key) => !unused.includes(key))
  const local = await removeLocalFiles(unused)
  const bucket = await removeFromBucket(unused)
  for (const [where, report] of [
    ['the model-assets folder', local],
    ['R2', bucket],
  ] as const) {
    if (!report || report.failures.length === 0) continue
    payload.logger.warn(
      `models: ${label}: ${report.failures.length} unused file(s) could not be removed from ${where} ` +
        `and stay there: ${report.failures.slice(0, 3).join('; ')}`,
    )
  }
  if (unused.length > 0 || kept.length > 0) {
    const fromBucket = bucket ? `, ${bucket.removed} from R2` : ''
    payload.logger.info(
      `models: ${label}: ${unused.length} file(s) no longer used: removed ${local.removed} from the ` +
        `model-assets folder${fromBucket}; kept ${kept.length} still in use`,
    )
  }
  return { unused, kept, local, bucket }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Clean-ups still running in this process, so a test (or a shutdown) can wait for them.
const running = new Set<Promise<unknown>>()

/** Resolves once every clean-up started so far in this process has finished. */
export async function fileCleanupsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running])
}

/**
 * Runs `removeUnusedFiles` in the background once the write that made the files unused has
 * committed (`committed` says so, read outside the write's transaction), so neither the editor's
 * delete nor a slow or unreachable bucket waits on it. A write that rolled back never commits: the
 * files stay, as they are still in use.
 */
export function removeUnusedFilesAfterCommit(
  payload: Payload,
  candidates: string[],
  label: string,
  committed: () => Promise<boolean>,
  { tries = 60, intervalMs = 250 } = {},
): void {
  if (candidates.length === 0) return
  const task = (async () => {
    for (let attempt = 0; attempt < tries; attempt++) {
      await sleep(intervalMs)
      if (await committed()) {
        await removeUnusedFiles(payload, candidates, label)
        return
      }
    }
  })().catch((error: unknown) =>
    payload.logger.warn(`models: ${label}: could not remove unused files: ${reasonOf(error)}`),
  )
  running.add(task)
  void task.finally(() => running.delete(task))
}
