import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuildRun, buildModels } from '../src/build.ts'
import { parseManifest } from '../src/manifest.ts'
import { defaultOptions } from '../src/options.ts'
import { deleteObjects } from '../src/upload/delete.ts'
import { type UploadConfig, UploadConfigError, uploadConfigFromEnv } from '../src/upload/env.ts'
import { createS3Client } from '../src/upload/s3.ts'
import { IMMUTABLE, MANIFEST_CACHE, uploadBuild } from '../src/upload/upload.ts'
import { writeGoodModels } from './fixtures.ts'
import { writeHostileModels } from './make-hostile.ts'
import { startFaultyProxy, startS3 } from './s3-server.ts'

let dir: string
let s3: Awaited<ReturnType<typeof startS3>>
let run: BuildRun
const fast = { retry: { attempts: 3, baseMs: 5 } }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-upload-'))
  s3 = await startS3(join(dir, 's3'))
  const files = await writeGoodModels(join(dir, 'in'))
  const hostile = await writeHostileModels(join(dir, 'hostile'))
  const options = defaultOptions()
  options.poster.enabled = false
  run = await buildModels([files.sphere, files.textured, files.spin, hostile[0]?.file ?? ''], {
    outDir: join(dir, 'out'),
    options,
    posterRenderer: null,
  })
  expect(run.results.map((r) => r.status)).toEqual(['built', 'built', 'built', 'failed'])
}, 60_000)
afterAll(async () => {
  await s3?.close()
  await rm(dir, { recursive: true, force: true })
})

async function bucketKeys(config: UploadConfig): Promise<string[]> {
  const client = createS3Client(config)
  const listed = await client.send(new ListObjectsV2Command({ Bucket: config.bucket }))
  client.destroy()
  return (listed.Contents ?? []).map((o) => o.Key ?? '').sort()
}

/** Every manifest in the bucket names only objects that are in the bucket. */
async function expectNoDanglingManifest(config: UploadConfig): Promise<number> {
  const keys = new Set(await bucketKeys(config))
  const client = createS3Client(config)
  let manifests = 0
  for (const key of keys) {
    if (!key.endsWith('/manifest.json')) continue
    manifests++
    const body = await (
      await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }))
    ).Body?.transformToString()
    const manifest = parseManifest(JSON.parse(body ?? ''))
    for (const file of [...manifest.lods, ...(manifest.poster?.images ?? [])])
      expect(keys.has(file.key), file.key).toBe(true)
  }
  client.destroy()
  return manifests
}

describe('upload to S3 / R2', () => {
  it('fails mid-upload without publishing a manifest that points at a missing object', async () => {
    // The server goes away after six requests: some files are in, the rest and the manifest are not.
    const proxy = await startFaultyProxy(s3.config.endpoint, (n) => n > 6)
    const spin = run.results.filter((r) => r.name === 'spin')
    const summary = await uploadBuild(
      spin,
      join(dir, 'out'),
      { ...s3.config, endpoint: proxy.endpoint },
      undefined,
      fast,
    )
    await proxy.close()
    expect(summary.failures).toEqual([{ name: 'spin', error: expect.any(String) }])
    const keys = await bucketKeys(s3.config)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys).not.toContain('models/spin/manifest.json')
    expect(await expectNoDanglingManifest(s3.config)).toBe(0)
  })

  it('uploads every built model with immutable cache headers and content types, the manifest last', async () => {
    const summary = await uploadBuild(run.results, join(dir, 'out'), s3.config, undefined, fast)
    expect(summary.failures).toEqual([])
    const client = createS3Client(s3.config)
    for (const result of run.results.filter((r) => r.status === 'built')) {
      for (const key of result.keys) {
        const head = await client.send(new HeadObjectCommand({ Bucket: s3.config.bucket, Key: key }))
        if (key.endsWith('manifest.json')) {
          expect(head.ContentType).toBe('application/json')
          expect(head.CacheControl).toBe(MANIFEST_CACHE)
        } else {
          expect(head.ContentType).toBe('model/gltf-binary')
          expect(head.CacheControl).toBe(IMMUTABLE)
        }
      }
    }
    client.destroy()
    const keys = await bucketKeys(s3.config)
    expect(keys.filter((k) => k.endsWith('manifest.json'))).toEqual([
      'models/sphere/manifest.json',
      'models/spin/manifest.json',
      'models/textured/manifest.json',
    ])
    expect(keys.some((k) => k.includes('model/'))).toBe(false) // the rejected hostile model uploaded nothing
    expect(await expectNoDanglingManifest(s3.config)).toBe(3)
  })

  it('skips objects that already exist and retries transient failures', async () => {
    // Every PUT fails once with 503 before it goes through; only manifests need writing anyway.
    const failedOnce = new Set<string>()
    const proxy = await startFaultyProxy(s3.config.endpoint, (_, request) => {
      if (request.method !== 'PUT' || failedOnce.has(request.url ?? '')) return false
      failedOnce.add(request.url ?? '')
      return true
    })
    const summary = await uploadBuild(
      run.results,
      join(dir, 'out'),
      { ...s3.config, endpoint: proxy.endpoint },
      undefined,
      fast,
    )
    await proxy.close()
    expect(summary.failures).toEqual([])
    expect(summary.uploaded).toBe(3) // the three manifests
    expect(summary.skipped).toBe(run.results.flatMap((r) => r.keys).length - 3)
    expect(failedOnce.size).toBe(3)
  })
})

describe('deleting from S3 / R2', () => {
  it('removes the keys it is given, retrying transient failures, and names what it could not remove', async () => {
    const spin = run.results.find((r) => r.name === 'spin')
    if (!spin) throw new Error('spin was not built')
    // Every DELETE fails once with 503 before it goes through.
    const failedOnce = new Set<string>()
    const proxy = await startFaultyProxy(s3.config.endpoint, (_, request) => {
      if (request.method !== 'DELETE' || failedOnce.has(request.url ?? '')) return false
      failedOnce.add(request.url ?? '')
      return true
    })
    const gone = 'models/spin/never-there.glb'
    const summary = await deleteObjects(
      [...spin.keys, gone],
      { ...s3.config, endpoint: proxy.endpoint },
      fast,
    )
    await proxy.close()
    expect(summary).toEqual({ removed: spin.keys.length + 1, failures: [] })
    expect(failedOnce.size).toBe(spin.keys.length + 1)
    const left = await bucketKeys(s3.config)
    expect(left.filter((key) => key.startsWith('models/spin/'))).toEqual([])
    expect(left.some((key) => key.startsWith('models/sphere/'))).toBe(true)

    // A bucket that refuses (403, not worth another try) leaves the objects, each named with why.
    const refusing = await startFaultyProxy(
      s3.config.endpoint,
      (_, request) => request.method === 'DELETE',
      403,
    )
    const sphere = left.filter((key) => key.startsWith('models/sphere/'))
    const refused = await deleteObjects(sphere, { ...s3.config, endpoint: refusing.endpoint }, fast)
    await refusing.close()
    expect(refused.removed).toBe(0)
    expect(refused.failures).toHaveLength(sphere.length)
    expect(refused.failures[0]).toMatch(new RegExp(`^${sphere[0]}: `))
    expect(refused.failures.join('\n')).not.toContain(s3.config.secretAccessKey)
    expect(await bucketKeys(s3.config)).toEqual(left)
  })
})

describe('upload settings', () => {
  it('reads R2_* variables and names every missing one without echoing secrets', () => {
    expect(
      uploadConfigFromEnv({
        R2_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
        R2_BUCKET: 'kairo-assets',
        R2_ACCESS_KEY_ID: 'id',
        R2_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toEqual({
      endpoint: 'https://account.r2.cloudflarestorage.com',
      bucket: 'kairo-assets',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      region: 'auto',
      forcePathStyle: true,
    })
    const error = (() => {
      try {
        uploadConfigFromEnv({
          R2_ENDPOINT: 'not a url',
          R2_SECRET_ACCESS_KEY: 'hunter2',
          R2_BUCKET: 'Bad_Bucket',
        })
      } catch (e) {
        return e as Error
      }
    })()
    expect(error).toBeInstanceOf(UploadConfigError)
    expect(error?.message).toBe(
      'upload settings: R2_ACCESS_KEY_ID is not set; R2_ENDPOINT is not a URL; R2_BUCKET is not a valid bucket name',
    )
    expect(error?.message).not.toContain('hunter2')
  })
})
