import { rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import type { UploadConfig } from '@kairo/assets-pipeline'

import { type S3ClientLike, type S3Sdk, s3Sdk } from './s3-sdk.ts'
import { isModelAssetKey, MODEL_ASSETS_DIR } from './storage.ts'

/** What one removal did: how many keys are gone, and why the others are not (never a secret). */
export interface RemovalReport {
  removed: number
  failures: string[]
}

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

const statusOf = (error: unknown) =>
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode

/** Network errors, 429 and 5xx may pass on another try; a refusal (403, 400) will not. */
const worthRetrying = (error: unknown) => {
  const status = statusOf(error)
  return status === undefined || status === 429 || status >= 500
}

async function deleteObject(
  sdk: S3Sdk,
  client: S3ClientLike,
  bucket: string,
  key: string,
  attempts: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // S3 answers 204 for a key that is not there, so a second removal is harmless.
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }))
      return
    } catch (error) {
      if (attempt >= attempts || !worthRetrying(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** (attempt - 1)))
    }
  }
}

/**
 * Deletes objects from the R2 bucket (or any S3-compatible server) with the pipeline's settings:
 * path-style as configured, checksums only where required (R2 rejects the SDK's newer defaults), a
 * few tries on network errors, 429 and 5xx.
 */
export async function removeBucketObjects(
  keys: string[],
  config: UploadConfig,
  { attempts = 3 } = {},
): Promise<RemovalReport> {
  const report: RemovalReport = { removed: 0, failures: [] }
  if (keys.length === 0) return report
  const sdk = await s3Sdk()
  const client = new sdk.S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  })
  try {
    for (const key of keys) {
      try {
        await deleteObject(sdk, client, config.bucket, key, attempts)
        report.removed++
      } catch (error) {
        report.failures.push(`${key}: ${reasonOf(error)}`)
      }
    }
  } finally {
    client.destroy()
  }
  return report
}
