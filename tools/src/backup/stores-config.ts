import { join } from 'node:path'
import { devSystem } from '../config.ts'
import { LOCAL_S3_CREDENTIALS, objectStorage } from '../object-storage.ts'
import { dataDir } from '../paths.ts'
import type { StoreName } from './manifest.ts'

/** An S3-compatible endpoint (R2's S3 API in production, s3rver locally) and its keys. */
export interface S3Connection {
  endpoint: string
  region: string
  forcePathStyle: boolean
  accessKeyId: string
  secretAccessKey: string
}

export type StoreLocation =
  | { name: StoreName; kind: 's3'; bucket: string; connection: S3Connection }
  /** The Worker's R2 binding `BUCKET` as `wrangler dev --persist-to <persistTo>` keeps it locally. */
  | { name: StoreName; kind: 'wrangler'; persistTo: string }

/** Where the local system's stores are when no R2 variable is set (`./kairo start`'s defaults). */
export interface LocalStores {
  s3Port: number
  /** s3rver's folder, used when the backup has to start s3rver itself. */
  s3DataDir: string
  /** wrangler's `--persist-to` folder of the Worker whose deliverables are backed up. */
  wranglerState: string
}

export const devStores: LocalStores = {
  s3Port: devSystem.ports.s3,
  s3DataDir: devSystem.s3.dataDir,
  wranglerState: join(dataDir, 'wrangler'),
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/**
 * The three stores a backup covers, from the environment (README "Backups"):
 * - `media`: `R2_MEDIA_BUCKET` (CMS media under `media/`, model sources under `model-sources/`);
 * - `assets`: `R2_BUCKET` (processed models);
 * - `deliverables`: `R2_DELIVERABLES_BUCKET`, the bucket behind the Worker's `BUCKET` binding, read
 *   over the S3 API; unset, the Worker's local state under `local.wranglerState`.
 * With `R2_ENDPOINT` unset, media and assets are the local s3rver's buckets. Problems (every one at
 * once, naming variables and never their values) come back as `problems`.
 */
export function resolveStores(
  env: NodeJS.ProcessEnv,
  local: LocalStores,
): { stores: StoreLocation[]; problems: string[] } {
  const problems: string[] = []
  const value = (name: string) => env[name]?.trim() ?? ''
  const endpoint = value('R2_ENDPOINT')
  let connection: S3Connection
  let buckets: { media: string; assets: string }
  if (endpoint) {
    if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol))
      problems.push('R2_ENDPOINT must be an http(s) URL')
    for (const name of ['R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY', 'R2_BUCKET', 'R2_MEDIA_BUCKET']) {
      if (!value(name)) problems.push(`${name} is not set (R2_ENDPOINT is)`)
    }
    const pathStyle = value('R2_FORCE_PATH_STYLE') || '1'
    if (!['0', '1', 'true', 'false'].includes(pathStyle)) problems.push('R2_FORCE_PATH_STYLE must be 0 or 1')
    connection = {
      endpoint,
      region: value('R2_REGION') || 'auto',
      forcePathStyle: pathStyle !== '0' && pathStyle !== 'false',
      accessKeyId: value('R2_ACCESS_KEY_ID'),
      secretAccessKey: value('R2_SECRET_ACCESS_KEY'),
    }
    buckets = { media: value('R2_MEDIA_BUCKET'), assets: value('R2_BUCKET') }
  } else {
    connection = localConnection(local.s3Port)
    buckets = { ...objectStorage.buckets }
  }
  const deliverables = value('R2_DELIVERABLES_BUCKET')
  for (const [name, bucket] of [
    ['R2_MEDIA_BUCKET', buckets.media],
    ['R2_BUCKET', buckets.assets],
    ['R2_DELIVERABLES_BUCKET', deliverables],
  ] as const) {
    if (bucket && !BUCKET.test(bucket)) problems.push(`${name} is not a valid bucket name`)
  }
  if (deliverables && !endpoint) problems.push('R2_ENDPOINT is not set (R2_DELIVERABLES_BUCKET needs it)')
  if (new Set([buckets.media, buckets.assets, deliverables || undefined]).size < (deliverables ? 3 : 2))
    problems.push('R2_MEDIA_BUCKET, R2_BUCKET and R2_DELIVERABLES_BUCKET must name different buckets')
  const stores: StoreLocation[] = [
    { name: 'media', kind: 's3', bucket: buckets.media, connection },
    { name: 'assets', kind: 's3', bucket: buckets.assets, connection },
    deliverables
      ? { name: 'deliverables', kind: 's3', bucket: deliverables, connection }
      : { name: 'deliverables', kind: 'wrangler', persistTo: local.wranglerState },
  ]
  return { stores, problems }
}

/** The local s3rver on `port` (or at an `http://127.0.0.1:<port>` endpoint) with its built-in keys. */
export function localConnection(port: number | string): S3Connection {
  return {
    endpoint: typeof port === 'string' ? port : `http://127.0.0.1:${port}`,
    region: 'auto',
    forcePathStyle: true,
    ...LOCAL_S3_CREDENTIALS,
  }
}

/** How a store is named in messages: never with keys, and without the endpoint's credentials. */
export function describeStore(store: StoreLocation): string {
  if (store.kind === 'wrangler') return `${store.name} (the Worker's local R2 in ${store.persistTo})`
  const url = new URL(store.connection.endpoint)
  return `${store.name} (bucket ${store.bucket} at ${url.protocol}//${url.host})`
}
