import { createHash } from 'node:crypto'
import { readdir, readFile, rm, rmdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { contentTypeOf } from '@kairo/assets-pipeline'
import { fileTypeFromBuffer } from 'file-type'
import postgres from 'postgres'
import { log } from './log.ts'
import { type ObjectStorageEnv, objectStorage, s3ClientFor } from './object-storage.ts'
import { packageDir } from './paths.ts'

/** Folders where earlier versions of the CMS kept files on its own disk. */
export const LOCAL_MEDIA_DIRS = {
  media: join(packageDir.cms, 'media'),
  modelSources: join(packageDir.cms, 'model-sources'),
  modelAssets: join(packageDir.cms, 'model-assets'),
}

/** What one run did: files moved, and files left in place with the reason. */
export interface MoveReport {
  moved: number
  left: { file: string; reason: string }[]
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/avif', 'image/gif'])
const IMMUTABLE = 'public, max-age=31536000, immutable'
const LOCAL_MANIFEST_BASE = '"/api/model-assets/'

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

/** Removes the now-empty folders under `dir` (deepest first) and `dir` itself; keeps any that are not empty. */
async function removeEmptyDirs(dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))
  for (const path of [...dirs.sort((a, b) => b.length - a.length), dir]) await rmdir(path).catch(() => {})
}

/**
 * Moves files that earlier versions of the CMS kept on its host's disk into object storage, once:
 * media (`cms/media/<name>` → `R2_MEDIA_BUCKET` `media/<name>`), model sources (`cms/model-sources/`
 * → `model-sources/<name>`) and processed models (`cms/model-assets/models/...` → `R2_BUCKET` under
 * the same key, with the pipeline's content types and caching), then points stored manifests that
 * still name the CMS's local route at `R2_PUBLIC_URL`. Names stay the same, so the documents keep
 * resolving (the adapter reads `<prefix>/<filename>`).
 *
 * Each upload is verified (size and MD5 ETag read back) before its local file is removed; a file
 * whose bytes are not of its kind (a media file that is no image, a source that is no GLB) is
 * left in place and reported, never published. A second run finds nothing to move: a no-op.
 */
export async function moveLocalMedia(options: {
  env: ObjectStorageEnv
  databaseUrl: string
  dirs?: typeof LOCAL_MEDIA_DIRS
}): Promise<MoveReport> {
  const dirs = options.dirs ?? LOCAL_MEDIA_DIRS
  const { env } = options
  const client = s3ClientFor(env)
  const report: MoveReport = { moved: 0, left: [] }

  /** Uploads one file, reads it back, and removes the local copy only once the bucket has the same bytes. */
  const move = async (file: string, bucket: string, key: string, type: string, cacheControl?: string) => {
    const body = await readFile(file)
    const md5 = createHash('md5').update(body).digest('hex')
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: type,
        ...(cacheControl ? { CacheControl: cacheControl } : {}),
      }),
    )
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    if (head.ContentLength !== body.length || head.ETag?.replaceAll('"', '') !== md5) {
      report.left.push({ file, reason: `the copy in ${bucket}/${key} does not match; kept` })
      return
    }
    await rm(file)
    report.moved++
  }

  try {
    for (const file of await filesUnder(dirs.media)) {
      const type = (await fileTypeFromBuffer(await readFile(file)))?.mime
      if (!type || !IMAGE_TYPES.has(type)) {
        report.left.push({ file, reason: 'not a PNG, JPEG, WebP, AVIF or GIF image; not published' })
        continue
      }
      const key = `${objectStorage.prefixes.media}${relative(dirs.media, file).split(sep).join('/')}`
      await move(file, env.R2_MEDIA_BUCKET, key, type)
    }
    for (const file of await filesUnder(dirs.modelSources)) {
      const type = (await fileTypeFromBuffer(await readFile(file)))?.mime
      if (type !== 'model/gltf-binary') {
        report.left.push({ file, reason: 'not a binary glTF (.glb) file; not published' })
        continue
      }
      const key = `${objectStorage.prefixes.modelSources}${relative(dirs.modelSources, file).split(sep).join('/')}`
      await move(file, env.R2_MEDIA_BUCKET, key, type)
    }
    for (const file of await filesUnder(dirs.modelAssets)) {
      const key = relative(dirs.modelAssets, file).split(sep).join('/')
      if (!key.startsWith(objectStorage.prefixes.models)) {
        report.left.push({ file, reason: 'not a processed model file (models/<name>/<file>)' })
        continue
      }
      const cache = key.endsWith('/manifest.json') ? 'no-cache' : IMMUTABLE
      await move(file, env.R2_BUCKET, key, contentTypeOf(key), cache)
    }
    await pointManifestsAtBucket(options.databaseUrl, env.R2_PUBLIC_URL)
  } finally {
    client.destroy()
  }
  for (const dir of Object.values(dirs)) await removeEmptyDirs(dir)
  return report
}

/**
 * Stored manifests of models processed without R2 name the CMS's local route (`/api/model-assets/<key>`,
 * root-relative); their files are now in `R2_BUCKET` under the same key, public at `R2_PUBLIC_URL`.
 */
async function pointManifestsAtBucket(databaseUrl: string, publicUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const base = `"${publicUrl.replace(/\/+$/, '')}/`
    const rows = await sql`
      UPDATE payload.models
      SET manifest = replace(manifest::text, ${LOCAL_MANIFEST_BASE}, ${base})::jsonb
      WHERE strpos(manifest::text, ${LOCAL_MANIFEST_BASE}) > 0
      RETURNING id`
    return rows.length
  } finally {
    await sql.end()
  }
}

/** `./kairo start`'s step: the move above, summarised in the log (one line, plus one per file left). */
export async function moveLocalMediaStep(options: {
  env: ObjectStorageEnv
  databaseUrl: string
}): Promise<void> {
  const report = await moveLocalMedia(options)
  if (report.moved > 0) log(`local media: ${report.moved} file(s) moved from cms/ into object storage`)
  for (const { file, reason } of report.left)
    log(`local media: ${relative(packageDir.cms, file)} kept: ${reason}`)
}
