import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import type { MediaStorageEnv } from './env.ts'
import { STORAGE_PREFIXES } from './keys.ts'

/**
 * Payload's S3 storage adapter for `media` and `models` (their source files), on R2 or any
 * S3-compatible server: the CMS host keeps no files. Files are still served through Payload's file
 * routes (`/api/media/file/<name>`, `/api/models/file/<name>`), so collection access applies: model
 * sources stay for editors only, and the bucket stays private.
 *
 * Note: `alwaysInsertFields` keeps the adapter's `prefix` and `_objectKey` columns in the schema
 * whether or not storage is configured, so one set of migrations fits every environment; without
 * `R2_MEDIA_BUCKET` (tests that start no S3 server) files go to the collections' `staticDir`.
 */
export function mediaStorage(storage: MediaStorageEnv | null): Plugin {
  return s3Storage({
    enabled: storage !== null,
    alwaysInsertFields: true,
    bucket: storage?.bucket ?? 'disabled',
    collections: {
      media: { prefix: STORAGE_PREFIXES.media },
      models: { prefix: STORAGE_PREFIXES.models },
    },
    config: storage ? s3ClientConfig(storage) : {},
  })
}

/** The S3 client settings R2 needs (DESIGN.md: checksums only when required, or newer SDKs break R2). */
export function s3ClientConfig(storage: MediaStorageEnv) {
  return {
    endpoint: storage.endpoint,
    region: storage.region,
    forcePathStyle: storage.forcePathStyle,
    credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED' as const,
    responseChecksumValidation: 'WHEN_REQUIRED' as const,
  }
}
