import { existsSync } from 'node:fs'
import path from 'node:path'
import { demoModelGlb } from '@kairo/assets-pipeline'
import type { Payload } from 'payload'

import { manifestKeys } from '../src/models/file-references.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { actors } from './fixtures.ts'

export type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }

/** A file as Payload's Local API takes an upload. */
export function glbFile(name: string, bytes: Uint8Array): UploadFile {
  const data = Buffer.from(bytes)
  return { data, mimetype: 'model/gltf-binary', name, size: data.length }
}

/** One of the pipeline's generated demo models (`satellite-nova`, `planet-aurum`, ...) as an upload. */
export async function demoFile(name: string): Promise<UploadFile> {
  return glbFile(`${name}.glb`, await demoModelGlb(name))
}

/** Uploads as an editor, access enforced, as the admin does; the save queues processing and runs it. */
export function uploadModel(
  payload: Payload,
  slug: string,
  file: UploadFile,
  context?: Record<string, unknown>,
) {
  return payload.create({
    collection: 'models',
    data: { title: `Test ${slug}`, slug, alt: `A test model (${slug})` } as never,
    file,
    overrideAccess: false,
    user: actors.editor,
    ...(context ? { context } : {}),
  })
}

/** Waits for processing to finish with the model (no cron in tests: the save ran its job). */
export async function settledModel(payload: Payload, id: number, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const doc = await payload.findByID({ collection: 'models', id, depth: 0 })
    if (doc.status === 'ready' || doc.status === 'failed') return doc
    if (Date.now() > until) throw new Error(`model ${id} still ${doc.status} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The storage keys a model's stored manifest names (levels of detail, poster images, manifest). */
export async function keysOf(payload: Payload, id: number): Promise<string[]> {
  const doc = await payload.findByID({ collection: 'models', id, depth: 0 })
  return manifestKeys(doc.manifest).sort()
}

/** Which of `keys` are in the local model-assets folder. */
export const onDisk = (keys: string[]) => keys.filter((key) => existsSync(path.join(MODEL_ASSETS_DIR, key)))
