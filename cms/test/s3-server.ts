import { createServer, request as httpRequest, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

import { resolveFromCms, type S3Command, type S3Sdk, s3Sdk } from '../src/models/s3-sdk.ts'

export const BUCKET = 'kairo-models'
/** s3rver's built-in account: the only credentials it accepts. */
export const S3RVER_KEY = 'S3RVER'

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
 * A real S3-compatible server (s3rver) on loopback, with empty buckets (by default the one
 * processed models go to), and in front of it a proxy that records every request in order (method and path).
 */
export async function startS3(directory: string, buckets: string[] = [BUCKET]) {
  const S3rver = createRequire(import.meta.url)(resolveFromCms('s3rver')) as S3rverClass
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  })
  const { port } = await server.run()
  const origin = `http://127.0.0.1:${port}`
  const requests: string[] = []
  const proxy: Server = createServer((req, res) => {
    requests.push(`${req.method} ${decodeURIComponent(new URL(req.url ?? '/', origin).pathname)}`)
    // A connection of its own per request (`agent: false`): a kept-alive one could be reused just as
    // s3rver closes it, and the request would fail with ECONNRESET for no fault of the code under test.
    const forward = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        reply.pipe(res)
        reply.on('error', () => res.destroy())
      },
    )
    // Either side going away ends the other; an error is never left unhandled (it would end the run).
    forward.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
    req.on('error', () => forward.destroy())
    res.on('close', () => forward.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  return {
    /** What R2_ENDPOINT points at: the recording proxy. */
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    /** The server itself, for the tests' own reads (not recorded). */
    origin,
    /** The bucket's public base URL (R2_PUBLIC_URL), path-style on the server itself. */
    publicUrl: `${origin}/${BUCKET}`,
    requests,
    close: async () => {
      proxy.closeAllConnections()
      await new Promise<void>((resolve) => proxy.close(() => resolve()))
      await server.close()
    },
  }
}

/** The SDK with the read commands the tests use besides the CMS's delete. */
type TestSdk = S3Sdk & {
  ListObjectsV2Command: new (input: { Bucket: string }) => S3Command
  HeadObjectCommand: new (input: { Bucket: string; Key: string }) => S3Command
}

/** Reads the bucket directly (not through the proxy), as the tests' own S3 client. */
export async function bucketReader(endpoint: string, bucket = BUCKET) {
  const sdk = (await s3Sdk()) as TestSdk
  const client = new sdk.S3Client({
    endpoint,
    region: 'auto',
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  })
  return {
    keys: async (): Promise<string[]> => {
      const listed = (await client.send(new sdk.ListObjectsV2Command({ Bucket: bucket }))) as {
        Contents?: { Key?: string }[]
      }
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort()
    },
    head: async (key: string) =>
      (await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }))) as {
        ContentType?: string
        CacheControl?: string
      },
    get: async (key: string) => {
      const object = (await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }))) as {
        ContentType?: string
        Body?: { transformToByteArray(): Promise<Uint8Array> }
      }
      return {
        type: object.ContentType,
        bytes: Buffer.from((await object.Body?.transformToByteArray()) ?? []),
      }
    },
    close: () => client.destroy(),
  }
}
