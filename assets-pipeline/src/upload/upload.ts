import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import type { ModelResult } from '../build-model.ts'
import { reasonOf } from '../validate/model-error.ts'
import type { UploadConfig } from './env.ts'
import { createS3Client, DEFAULT_RETRY, objectExists, putObject, type RetryPolicy } from './s3.ts'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Manifests change in place (same key, new content): caches must revalidate. */
export const MANIFEST_CACHE = 'no-cache'

const CONTENT_TYPES: Record<string, string> = {
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.ktx2': 'image/ktx2',
  '.avif': 'image/avif',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.json': 'application/json',
}

export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream'
}

export interface UploadSummary {
  uploaded: number
  skipped: number
  failures: { name: string; error: string }[]
}

export interface UploadModelOptions {
  retry?: RetryPolicy
  /** Files uploaded at once per model. */
  parallel?: number
}

/**
 * Uploads one built model: every content-addressed file not already in the bucket (HEAD first),
 * immutable, then — only when all of them are there — the manifest, which is what readers look up.
 * A failure leaves at worst orphaned files, never a manifest naming a missing one.
 */
export async function uploadModel(
  client: ReturnType<typeof createS3Client>,
  config: UploadConfig,
  outDir: string,
  keys: string[],
  options: UploadModelOptions = {},
): Promise<{ uploaded: number; skipped: number }> {
  const retry = options.retry ?? DEFAULT_RETRY
  const manifest = keys.find((key) => key.endsWith('/manifest.json'))
  const files = keys.filter((key) => key !== manifest)
  let uploaded = 0
  let skipped = 0
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const key = files[next++] as string
      if (await objectExists(client, config.bucket, key, retry)) {
        skipped++
        continue
      }
      const body = new Uint8Array(await readFile(join(outDir, key)))
      await putObject(
        client,
        config.bucket,
        key,
        body,
        { contentType: contentTypeOf(key), cacheControl: IMMUTABLE },
        retry,
      )
      uploaded++
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 4, files.length) }, worker))
  if (manifest) {
    const body = new Uint8Array(await readFile(join(outDir, manifest)))
    await putObject(
      client,
      config.bucket,
      manifest,
      body,
      { contentType: contentTypeOf(manifest), cacheControl: MANIFEST_CACHE },
      retry,
    )
    uploaded++
  }
  return { uploaded, skipped }
}

/** Uploads every model that built (rejected models upload nothing); one model's failure does not stop the others. */
export async function uploadBuild(
  results: ModelResult[],
  outDir: string,
  config: UploadConfig,
  log: (line: string) => void = () => {},
  options: UploadModelOptions = {},
): Promise<UploadSummary> {
  const client = createS3Client(config)
  const summary: UploadSummary = { uploaded: 0, skipped: 0, failures: [] }
  try {
    for (const result of results) {
      if (result.status === 'failed') continue
      try {
        const { uploaded, skipped } = await uploadModel(client, config, outDir, result.keys, options)
        summary.uploaded += uploaded
        summary.skipped += skipped
        log(`${result.name}: uploaded ${uploaded} file(s), ${skipped} already there`)
      } catch (error) {
        summary.failures.push({ name: result.name, error: reasonOf(error) })
      }
    }
  } finally {
    client.destroy()
  }
  return summary
}
