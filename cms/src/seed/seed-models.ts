import { demoModelGlb } from '@kairo/assets-pipeline'
import type { Payload } from 'payload'

import { MODEL_PROCESS_INLINE } from '../models/context.ts'
import { processModel } from '../models/process-model.ts'
import { seedModels } from './models.ts'

/** Models processed at once (each in a child process): two keep both cores busy while one renders its poster. */
const CONCURRENCY = 2

/**
 * Creates the demo models that are missing (GLBs generated in code) and processes every demo model
 * that is not `ready` yet, inline, with the same function the background job runs (a child process
 * per model, each starting headless Chromium only if a poster is not cached). The pipeline's cache (`.data/model-cache`) makes a re-seed nearly free.
 * Returns the id of each demo model by slug and how many it created.
 */
export async function seedDemoModels(
  payload: Payload,
): Promise<{ ids: Map<string, number>; created: number; processed: number }> {
  const ids = new Map<string, number>()
  const pending: number[] = []
  let created = 0
  for (const model of seedModels) {
    const found = await payload.find({
      collection: 'models',
      where: { slug: { equals: model.slug } },
      limit: 1,
      depth: 0,
    })
    let doc = found.docs[0]
    if (!doc) {
      const data = Buffer.from(await demoModelGlb(model.slug))
      doc = await payload.create({
        collection: 'models',
        data: { title: model.title, slug: model.slug, alt: model.alt } as never,
        file: { data, mimetype: 'model/gltf-binary', name: `${model.slug}.glb`, size: data.length },
        context: { [MODEL_PROCESS_INLINE]: true },
      })
      created++
    }
    ids.set(model.slug, doc.id)
    if (doc.status !== 'ready') pending.push(doc.id)
  }
  if (pending.length > 0) {
    const failures: string[] = []
    const queue = [...pending]
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const outcome = await processModel(payload, id)
        if (outcome === 'ready') continue
        const doc = await payload.findByID({ collection: 'models', id, depth: 0, disableErrors: true })
        failures.push(`${doc?.slug ?? id}: ${doc?.error ?? outcome}`)
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    if (failures.length > 0) throw new Error(`seed: demo models did not process (${failures.join('; ')})`)
  }
  return { ids, created, processed: pending.length }
}
