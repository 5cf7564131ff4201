import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { logLine } from './log.ts'

/**
 * The buckets and key prefixes of the system's objects, in one place for everything that reads or
 * writes them (`./kairo start`, the e2e system, the one-time move of local files, backups):
 *
 * - `assets` (`R2_BUCKET`, public through `R2_PUBLIC_URL`): processed 3D models, `models/<name>/<file>`;
 * - `media` (`R2_MEDIA_BUCKET`, private, read through the CMS): CMS media under `media/` and the
 *   source models editors upload under `model-sources/` (cms/src/storage/keys.ts).
 */
export const objectStorage = {
  buckets: { assets: 'kairo-assets', media: 'kairo-media' },
  prefixes: { media: 'media/', modelSources: 'model-sources/', models: 'models/' },
} as const

/** s3rver's built-in account: the only credentials it accepts, and not a secret. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const

/** The R2 variables (`.env.example`) that point the CMS, the pipeline and backups at an S3 server. */
export interface ObjectStorageEnv {
  R2_ENDPOINT: string
  R2_ACCESS_KEY_ID: string
  R2_SECRET_ACCESS_KEY: string
  R2_REGION: string
  R2_FORCE_PATH_STYLE: string
  R2_BUCKET: string
  R2_MEDIA_BUCKET: string
  R2_PUBLIC_URL: string
}

/**
 * The environment for the local S3 server at `endpoint`: both buckets, s3rver's account, path-style
 * URLs, and the assets bucket's own URL as the public base (s3rver serves reads without signing).
 */
export function localObjectStorageEnv(endpoint: string): ObjectStorageEnv {
  return {
    R2_ENDPOINT: endpoint,
    R2_ACCESS_KEY_ID: LOCAL_S3_CREDENTIALS.accessKeyId,
    R2_SECRET_ACCESS_KEY: LOCAL_S3_CREDENTIALS.secretAccessKey,
    R2_REGION: 'auto',
    R2_FORCE_PATH_STYLE: '1',
    R2_BUCKET: objectStorage.buckets.assets,
    R2_MEDIA_BUCKET: objectStorage.buckets.media,
    R2_PUBLIC_URL: `${endpoint}/${objectStorage.buckets.assets}`,
  }
}

/**
 * An S3 client for the server `env` names (local or R2), with the settings R2 needs: checksums only
 * when required (DESIGN.md: newer SDK defaults break R2). The caller destroys it.
 */
export function s3ClientFor(env: ObjectStorageEnv): S3Client {
  return new S3Client({
    endpoint: env.R2_ENDPOINT,
    region: env.R2_REGION || 'auto',
    forcePathStyle: env.R2_FORCE_PATH_STYLE !== '0' && env.R2_FORCE_PATH_STYLE !== 'false',
    credentials: { accessKeyId: env.R2_ACCESS_KEY_ID, secretAccessKey: env.R2_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

/** A running local S3 server. */
export interface LocalObjectStorage {
  endpoint: string
  env: ObjectStorageEnv
  stop(): Promise<void>
}

interface S3rverInstance {
  run(): Promise<AddressInfo>
  close(): Promise<void>
}
type S3rverClass = new (options: {
  address: string
  port: number
  silent: boolean
  directory: string
  configureBuckets: { name: string }[]
}) => S3rverInstance

/**
 * Starts s3rver (a real S3-compatible server from the npm registry) inside this process on
 * 127.0.0.1:`port`, with its objects in `dataDir` (kept across starts) and both buckets created
 * when missing. Logs one line prefixed `s3` unless `quiet`.
 *
 * Note: s3rver runs in the orchestrator's own process (it is a library), so it stops with it.
 */
export async function startObjectStorage(options: {
  port: number
  dataDir: string
  quiet?: boolean
}): Promise<LocalObjectStorage> {
  await mkdir(options.dataDir, { recursive: true })
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory: options.dataDir,
    configureBuckets: Object.values(objectStorage.buckets).map((name) => ({ name })),
  })
  // Port 0 (tests) takes a free one.
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  if (!options.quiet) {
    const buckets = Object.values(objectStorage.buckets).join(', ')
    logLine(
      's3',
      `S3-compatible server (s3rver) on ${endpoint}, buckets ${buckets}, data in ${options.dataDir}`,
    )
  }
  return { endpoint, env: localObjectStorageEnv(endpoint), stop: () => server.close() }
}

/**
 * Removes one object behind the CMS's back, as a storage outage or a bad clean-up would: the e2e
 * publish status spec breaks a site build this way, the way it breaks in real life.
 */
export async function removeStoredObject(env: ObjectStorageEnv, bucket: string, key: string): Promise<void> {
  const client = s3ClientFor(env)
  try {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
  } finally {
    client.destroy()
  }
}
