import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { s3Sdk } from '../models/s3-sdk.ts'
import type { MediaStorageEnv } from './env.ts'
import { s3ClientConfig } from './plugin.ts'

/** A stored upload: its collection's local folder and its key prefix in the bucket. */
export interface StoredFile {
  filename: string
  /** The document's `prefix` (set by the storage adapter); the collection's prefix when empty. */
  prefix: string
  /** Where the file is when storage is off (the collection's `staticDir`). */
  localDir: string
}

/**
 * Reads an uploaded file's bytes where the CMS stores it: `R2_MEDIA_BUCKET` under `<prefix>/<name>`
 * when storage is configured, else the collection's folder. The processing job reads model sources
 * this way, so it runs on any CMS host, not only the one that received the upload.
 */
export async function readStoredFile(storage: MediaStorageEnv | null, file: StoredFile): Promise<Uint8Array> {
  if (path.basename(file.filename) !== file.filename)
    throw new Error(`not a stored file name: ${file.filename}`)
  if (!storage) return new Uint8Array(await readFile(path.join(file.localDir, file.filename)))
  const sdk = await s3Sdk()
  const client = new sdk.S3Client({ ...s3ClientConfig(storage), maxAttempts: 3 })
  try {
    const key = `${file.prefix.replace(/\/+$/, '')}/${file.filename}`
    const object = (await client.send(new sdk.GetObjectCommand({ Bucket: storage.bucket, Key: key }))) as {
      Body?: { transformToByteArray(): Promise<Uint8Array> }
    }
    if (!object.Body) throw new Error(`${key}: empty answer from the bucket`)
    return await object.Body.transformToByteArray()
  } finally {
    client.destroy()
  }
}
