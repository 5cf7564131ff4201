import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GetObjectCommand } from '@aws-sdk/client-s3'
import { demoModelGlb } from '@kairo/assets-pipeline'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { moveLocalMedia } from '../src/move-local-media.ts'
import {
  type LocalObjectStorage,
  objectStorage,
  s3ClientFor,
  startObjectStorage,
} from '../src/object-storage.ts'

// The one-time move of files earlier versions kept on the CMS host's disk into the local S3 server
// (a real s3rver), against DATABASE_URL migrated like every package suite's (a stored manifest).

const databaseUrl = process.env.DATABASE_URL
if (!databaseUrl) throw new Error('@kairo/tools tests: DATABASE_URL is not set (a migrated database)')

let root: string
let storage: LocalObjectStorage
let dirs: { media: string; modelSources: string; modelAssets: string }
let sql: postgres.Sql
let modelId: number
const run = Date.now().toString(36)
/** A real 1×1 PNG. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const slug = `moved-${run}`

async function object(bucket: string, key: string) {
  const client = s3ClientFor(storage.env)
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
    return {
      type: answer.ContentType,
      cache: answer.CacheControl,
      bytes: Buffer.from((await answer.Body?.transformToByteArray()) ?? []),
    }
  } finally {
    client.destroy()
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kairo-move-media-'))
  dirs = {
    media: join(root, 'media'),
    modelSources: join(root, 'model-sources'),
    modelAssets: join(root, 'model-assets'),
  }
  storage = await startObjectStorage({ port: 0, dataDir: join(root, 's3'), quiet: true })
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  const manifest = {
    version: 1,
    lods: [{ key: `models/${slug}/lod0-1a2b.glb`, url: `/api/model-assets/models/${slug}/lod0-1a2b.glb` }],
  }
  const [row] = await sql`
    INSERT INTO payload.models (title, slug, alt, status, manifest)
    VALUES ('Moved', ${slug}, 'A moved model', 'ready', ${sql.json(manifest)}) RETURNING id`
  modelId = row?.id as number
}, 60_000)

afterAll(async () => {
  if (modelId) await sql`DELETE FROM payload.models WHERE id = ${modelId}`
  await sql?.end()
  await storage?.stop()
  await rm(root, { recursive: true, force: true })
})

describe('moving local media into object storage', () => {
  it('moves images, sources and processed models, verified, and a second run is a no-op', async () => {
    const png = Buffer.from(ONE_PIXEL_PNG, 'base64')
    const glb = Buffer.from(await demoModelGlb('satellite-nova'))
    await mkdir(dirs.media, { recursive: true })
    await mkdir(dirs.modelSources, { recursive: true })
    await mkdir(join(dirs.modelAssets, 'models', slug), { recursive: true })
    await writeFile(join(dirs.media, 'old.png'), png)
    await writeFile(join(dirs.media, 'evil.png'), '<!doctype html><script>alert(1)</script>')
    await writeFile(join(dirs.modelSources, 'old.glb'), glb)
    await writeFile(join(dirs.modelAssets, 'models', slug, 'lod0-1a2b.glb'), glb)
    await writeFile(join(dirs.modelAssets, 'models', slug, 'manifest.json'), '{"version":1}')

    const first = await moveLocalMedia({ env: storage.env, databaseUrl, dirs })
    expect(first.moved).toBe(4)
    expect(first.left.map((entry) => entry.file)).toEqual([join(dirs.media, 'evil.png')])

    const { media, assets } = objectStorage.buckets
    expect(await object(media, 'media/old.png')).toMatchObject({ type: 'image/png', bytes: png })
    expect(await object(media, 'model-sources/old.glb')).toMatchObject({ type: 'model/gltf-binary' })
    const lod = await object(assets, `models/${slug}/lod0-1a2b.glb`)
    expect(lod).toMatchObject({ type: 'model/gltf-binary', cache: 'public, max-age=31536000, immutable' })
    expect(lod.bytes.equals(glb)).toBe(true)
    expect(await object(assets, `models/${slug}/manifest.json`)).toMatchObject({ cache: 'no-cache' })
    // The HTML posing as an image is not published, and stays for a person to look at.
    await expect(object(media, 'media/evil.png')).rejects.toThrow()
    expect(await readdir(dirs.media)).toEqual(['evil.png'])
    expect(existsSync(dirs.modelSources)).toBe(false)
    expect(existsSync(dirs.modelAssets)).toBe(false)

    // The stored manifest now names the bucket's public URL.
    const [row] = await sql`SELECT manifest FROM payload.models WHERE id = ${modelId}`
    expect(row?.manifest.lods[0].url).toBe(`${storage.env.R2_PUBLIC_URL}/models/${slug}/lod0-1a2b.glb`)

    const second = await moveLocalMedia({ env: storage.env, databaseUrl, dirs })
    expect(second.moved).toBe(0)
    const [again] = await sql`SELECT manifest FROM payload.models WHERE id = ${modelId}`
    expect(again?.manifest).toEqual(row?.manifest)
  }, 60_000)
})
