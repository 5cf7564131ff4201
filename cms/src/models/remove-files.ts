import { rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import type { DeleteSummary } from '@kairo/assets-pipeline'
import { isModelAssetKey, MODEL_ASSETS_DIR } from './storage.ts'

/**
 * What one removal did: how many keys are gone, and why the others are not (never a secret). The
 * same report as the pipeline's `deleteObjects`, which removes them from the bucket.
 */
export type RemovalReport = DeleteSummary

const reasonOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

/**
 * Removes processed files from the local folder (`cms/model-assets/` unless told otherwise), then
 * each model folder left empty. A file already gone counts as removed. Only pipeline keys are
 * touched, and only inside `root`, whatever a stored manifest says.
 */
export async function removeLocalFiles(keys: string[], root = MODEL_ASSETS_DIR): Promise<RemovalReport> {
  const report: RemovalReport = { removed: 0, failures: [] }
  const folders = new Set<string>()
  for (const key of keys) {
    const file = path.resolve(root, key)
    if (!isModelAssetKey(key) || !file.startsWith(`${root}${path.sep}`)) {
      report.failures.push(`${key}: not a model file key`)
      continue
    }
    try {
      await rm(file, { force: true })
      report.removed++
      folders.add(path.dirname(file))
    } catch (error) {
      report.failures.push(`${key}: ${reasonOf(error)}`)
    }
  }
  // Note: rmdir refuses a folder that still has files (another version's, a build in progress): kept.
  for (const folder of folders) await rmdir(folder).catch(() => undefined)
  return report
}
