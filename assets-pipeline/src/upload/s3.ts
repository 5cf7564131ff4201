import {
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import type { UploadConfig } from './env.ts'

/**
 * An S3 client for R2: checksums only when an operation requires them (the SDK's newer default
 * adds CRC headers R2 rejects), and one attempt per call, since `withRetries` does the retrying.
 */
export function createS3Client(config: UploadConfig): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  })
}

export interface RetryPolicy {
  attempts: number
  /** First delay; doubled each attempt, with jitter. */
  baseMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 250 }

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode
}

/** Network errors, 429 and 5xx are worth another try; other 4xx (denied, bad request) are not. */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error)
  return status === undefined || status === 429 || status >= 500
}

/** Runs `task` until it succeeds, a non-retryable error occurs, or the attempts run out. */
export async function withRetries<T>(
  task: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error
      const delay = policy.baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

/** Whether the object exists (HEAD): the pipeline's keys carry content hashes, so existing means identical. */
export async function objectExists(
  client: S3Client,
  bucket: string,
  key: string,
  policy?: RetryPolicy,
): Promise<boolean> {
  return withRetries(async () => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      return true
    } catch (error) {
      if (statusOf(error) === 404 || (error as Error).name === 'NotFound') return false
      throw error
    }
  }, policy)
}

export interface PutOptions {
  contentType: string
  cacheControl: string
}

export function putObject(
  client: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array,
  options: PutOptions,
  policy?: RetryPolicy,
): Promise<unknown> {
  return withRetries(
    () =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: options.contentType,
          CacheControl: options.cacheControl,
          ContentLength: body.byteLength,
        }),
      ),
    policy,
  )
}

/** Deletes an object; S3 answers 204 for a key that is not there, so a second removal is harmless. */
export function deleteObject(
  client: S3Client,
  bucket: string,
  key: string,
  policy?: RetryPolicy,
): Promise<unknown> {
  return withRetries(() => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })), policy)
}
