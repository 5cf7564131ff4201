import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** What the CMS sends to R2: one command object per request. */
export type S3Command = object

/** The S3 client, as far as the CMS uses it. */
export interface S3ClientLike {
  send(command: S3Command): Promise<unknown>
  destroy(): void
}

/** The part of `@aws-sdk/client-s3` the CMS uses (model sources' reads; the tests also list and head). */
export interface S3Sdk {
  S3Client: new (config: {
    endpoint: string
    region: string
    forcePathStyle: boolean
    credentials: { accessKeyId: string; secretAccessKey: string }
    requestChecksumCalculation: 'WHEN_REQUIRED'
    responseChecksumValidation: 'WHEN_REQUIRED'
    maxAttempts: number
  }) => S3ClientLike
  GetObjectCommand: new (input: { Bucket: string; Key: string }) => S3Command
}

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Resolves one of the CMS's own dependencies from its package folder, not from the module's URL:
 * inside Next's server build that URL is a chunk under `.next/`, where resolution would not find it.
 */
export function resolveFromCms(specifier: string): string {
  return createRequire(path.join(cmsDir, 'package.json')).resolve(specifier)
}

let loaded: Promise<S3Sdk> | undefined

/**
 * Loads the AWS SDK's S3 client at run time, on first use (only with R2 configured), the way
 * `pipeline.ts` loads the pipeline: Next never bundles it.
 */
export function s3Sdk(): Promise<S3Sdk> {
  loaded ??= import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(resolveFromCms('@aws-sdk/client-s3'))
      .href
  ) as Promise<S3Sdk>
  return loaded
}
