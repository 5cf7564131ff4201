import type { UploadConfig } from './env.ts'
import { createS3Client, DEFAULT_RETRY, deleteObject, type RetryPolicy } from './s3.ts'

/** What one removal did: how many keys are gone, and why the others are not (never a secret). */
export interface DeleteSummary {
  removed: number
  /** `<key>: <error name>: <message>`, one per key left in the bucket. */
  failures: string[]
}

const reasonOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

/**
 * Deletes a model's files from R2 (or any S3-compatible server) with the upload's client and retry
 * policy: the CMS removes the files no model names any more through this, so every object operation
 * on the models' bucket is the pipeline's. One key's failure does not stop the others; a key already
 * gone counts as removed.
 */
export async function deleteObjects(
  keys: string[],
  config: UploadConfig,
  options: { retry?: RetryPolicy } = {},
): Promise<DeleteSummary> {
  const summary: DeleteSummary = { removed: 0, failures: [] }
  if (keys.length === 0) return summary
  const client = createS3Client(config)
  try {
    for (const key of keys) {
      try {
        await deleteObject(client, config.bucket, key, options.retry ?? DEFAULT_RETRY)
        summary.removed++
      } catch (error) {
        summary.failures.push(`${key}: ${reasonOf(error)}`)
      }
    }
  } finally {
    client.destroy()
  }
  return summary
}
