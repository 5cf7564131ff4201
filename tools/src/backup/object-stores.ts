import { join } from 'node:path'
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { getPlatformProxy } from 'wrangler'
import { UserFacingError } from '../log.ts'
import { repoRoot } from '../paths.ts'
import { describeStore, type S3Connection, type StoreLocation } from './stores-config.ts'

/** The stored headers of an object that a restore puts back with its bytes. */
export interface ObjectHeaders {
  contentType?: string
  cacheControl?: string
  contentDisposition?: string
  contentEncoding?: string
  metadata?: Record<string, string>
}

/** One bucket, whatever is behind it: what backup and restore need and nothing more. */
export interface ObjectStore {
  readonly location: StoreLocation
  keys(): Promise<string[]>
  read(key: string): Promise<{ body: Uint8Array; headers: ObjectHeaders }>
  write(key: string, body: Uint8Array, headers: ObjectHeaders): Promise<void>
  remove(key: string): Promise<void>
  close(): Promise<void>
}

/**
 * Opens a store. An S3 bucket is checked to answer first, so a stopped server or a wrong key is one
 * sentence naming the store, never a stack trace; `createMissing` (restore into a fresh local
 * server) creates a missing bucket.
 */
export async function openStore(
  location: StoreLocation,
  options: { createMissing?: boolean; databaseUrl?: string } = {},
): Promise<ObjectStore> {
  return location.kind === 's3' ? openS3(location, options.createMissing ?? false) : openWrangler(location)
}

/** The S3 client R2 needs (DESIGN.md: checksums only when required, or newer SDKs break R2). */
export function s3Client(connection: S3Connection): S3Client {
  return new S3Client({
    endpoint: connection.endpoint,
    region: connection.region,
    forcePathStyle: connection.forcePathStyle,
    credentials: { accessKeyId: connection.accessKeyId, secretAccessKey: connection.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
}

async function openS3(
  location: Extract<StoreLocation, { kind: 's3' }>,
  createMissing: boolean,
): Promise<ObjectStore> {
  const client = s3Client(location.connection)
  const Bucket = location.bucket
  try {
    await client.send(new HeadBucketCommand({ Bucket }))
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (status === 404 && createMissing) await client.send(new CreateBucketCommand({ Bucket }))
    else {
      client.destroy()
      const why = status ? `it answered HTTP ${status}` : (error as Error).message || 'no answer'
      throw new UserFacingError(`cannot reach the store ${describeStore(location)}: ${why}`)
    }
  }
  return {
    location,
    async keys() {
      const keys: string[] = []
      let ContinuationToken: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, ContinuationToken }))
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (ContinuationToken)
      return keys.sort()
    },
    async read(Key) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key }))
      const body = await (
        object.Body as { transformToByteArray(): Promise<Uint8Array> }
      ).transformToByteArray()
      return {
        body,
        headers: compact({
          contentType: object.ContentType,
          cacheControl: object.CacheControl,
          contentDisposition: object.ContentDisposition,
          contentEncoding: object.ContentEncoding,
          metadata: object.Metadata && Object.keys(object.Metadata).length > 0 ? object.Metadata : undefined,
        }),
      }
    },
    async write(Key, body, headers) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key,
          Body: body,
          ContentType: headers.contentType,
          CacheControl: headers.cacheControl,
          ContentDisposition: headers.contentDisposition,
          ContentEncoding: headers.contentEncoding,
          Metadata: headers.metadata,
        }),
      )
    },
    async remove(Key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key }))
    },
    async close() {
      client.destroy()
    },
  }
}

/** The part of the Workers R2 binding used here (the Workers types are not this package's). */
interface R2Like {
  list(options: {
    cursor?: string
  }): Promise<{ objects: { key: string }[]; truncated: boolean; cursor?: string }>
  get(key: string): Promise<{
    arrayBuffer(): Promise<ArrayBuffer>
    httpMetadata?: Record<string, string | undefined>
    customMetadata?: Record<string, string>
  } | null>
  put(key: string, body: Uint8Array, options: Record<string, unknown>): Promise<unknown>
  delete(key: string): Promise<void>
}

/**
 * The Worker's `BUCKET` binding locally, through wrangler's platform proxy on the same state
 * `wrangler dev --persist-to` uses (as tools/src/seed-files.ts does). Measured here: two proxies on
 * one state folder see each other's writes at once, so this works while `wrangler dev` runs.
 */
async function openWrangler(location: Extract<StoreLocation, { kind: 'wrangler' }>): Promise<ObjectStore> {
  // The proxy builds every binding of wrangler.toml; Hyperdrive needs a connection string to exist,
  // though nothing here connects through it.
  // Note: wrangler otherwise announces that Hyperdrive "will connect to this database", which it won't.
  process.env.WRANGLER_LOG ??= 'warn'
  process.env.CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE ??=
    'postgres://backup:unused@127.0.0.1:5432/unused'
  const proxy = await getPlatformProxy<{ BUCKET: R2Like }>({
    configPath: join(repoRoot, 'wrangler.toml'),
    persist: { path: join(location.persistTo, 'v3') },
    envFiles: [],
  })
  const bucket = proxy.env.BUCKET
  return {
    location,
    async keys() {
      const keys: string[] = []
      let cursor: string | undefined
      do {
        const page = await bucket.list({ cursor })
        keys.push(...page.objects.map((object) => object.key))
        cursor = page.truncated ? page.cursor : undefined
      } while (cursor)
      return keys.sort()
    },
    async read(key) {
      const object = await bucket.get(key)
      if (!object) throw new Error(`${key} vanished from ${describeStore(location)} while it was read`)
      const http = object.httpMetadata ?? {}
      return {
        body: new Uint8Array(await object.arrayBuffer()),
        headers: compact({
          contentType: http.contentType,
          cacheControl: http.cacheControl,
          contentDisposition: http.contentDisposition,
          contentEncoding: http.contentEncoding,
          metadata:
            object.customMetadata && Object.keys(object.customMetadata).length > 0
              ? object.customMetadata
              : undefined,
        }),
      }
    },
    async write(key, body, headers) {
      await bucket.put(key, body, {
        httpMetadata: compact({
          contentType: headers.contentType,
          cacheControl: headers.cacheControl,
          contentDisposition: headers.contentDisposition,
          contentEncoding: headers.contentEncoding,
        }),
        ...(headers.metadata ? { customMetadata: headers.metadata } : {}),
      })
    },
    async remove(key) {
      await bucket.delete(key)
    },
    close: () => proxy.dispose(),
  }
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}
