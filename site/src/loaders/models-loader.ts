import { access, mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Loader, LoaderContext } from 'astro/loaders'
import { z } from 'astro/zod'
import { modelDocSchema, modelEntry, modelFileLocation } from '../lib/models.ts'
import { cmsGet, fetchFailure } from './cms-get.ts'
import { fetchJson, PayloadLoaderError } from './payload-loader.ts'

/** Where model files wait (as `<key>`, content-addressed), inside Astro's cache folder. */
export const MODELS_CACHE = 'kairo-models/'

export interface PayloadModelsLoaderOptions {
  cmsUrl: string
  timeoutMs?: number
  offline?: boolean
}

export const MODELS_QUERY = 'where[status][equals]=ready&pagination=false&depth=0'

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

/**
 * A loader for the CMS's `models` collection: one bulk read of the ready models, then each file of
 * theirs (every LOD and poster image, from the CMS or the bucket) is downloaded once into Astro's cache folder under its
 * content-addressed key; `copy-models` copies the ones pages reference into `dist/models/`. A model
 * whose document does not match the manifest contract is left out with a warning (its pages show no
 * 3D) rather than failing the build.
 */
export function payloadModelsLoader(options: PayloadModelsLoaderOptions): Loader {
  const { cmsUrl, timeoutMs = 15_000, offline = false } = options
  const url = `${cmsUrl}/api/models?${MODELS_QUERY}`
  return {
    name: 'payload-models-loader',
    async load({ store, meta, parseData, generateDigest, logger, config }: LoaderContext) {
      if (offline) {
        logger.warn(`models: offline, CMS not read; keeping ${store.keys().length} stored entries`)
        return
      }
      const body = (await fetchJson(url, cmsUrl, timeoutMs)) as { docs?: unknown[] } | undefined
      if (!Array.isArray(body?.docs))
        throw new PayloadLoaderError(`The CMS at CMS_URL=${cmsUrl} sent an unexpected body for GET ${url}`)
      logger.info(`models: GET ${url} -> 200 (1 request)`)
      if (meta.get('source') !== url) store.clear()
      meta.set('source', url)
      const cache = new URL(MODELS_CACHE, config.cacheDir)

      const seen = new Set<string>()
      let downloads = 0
      for (const raw of body.docs) {
        const parsed = modelDocSchema.safeParse(raw)
        if (!parsed.success) {
          const id = (raw as { id?: unknown } | null)?.id
          logger.warn(`models: model ${String(id)} left out: ${z.prettifyError(parsed.error)}`)
          continue
        }
        const doc = parsed.data
        const id = String(doc.id)
        seen.add(id)
        const files = [...doc.manifest.lods, ...(doc.manifest.poster?.images ?? [])]
        for (const file of files) {
          const where = modelFileLocation(file, cmsUrl)
          const target = fileURLToPath(new URL(file.key, cache))
          if (await exists(target)) continue
          downloads++
          const response = await cmsGet(where.fetch, timeoutMs).catch((error: unknown) => {
            throw new PayloadLoaderError(
              `Cannot fetch model file ${where.fetch} (CMS_URL=${cmsUrl}): ${fetchFailure(error)}`,
            )
          })
          if (!response.ok)
            throw new PayloadLoaderError(
              `GET ${where.fetch} answered ${response.status} (a model file; CMS_URL=${cmsUrl})`,
            )
          await mkdir(dirname(target), { recursive: true })
          await writeFile(target, new Uint8Array(await response.arrayBuffer()))
        }
        const digest = generateDigest(doc as unknown as Record<string, unknown>)
        if (store.get(id)?.digest === digest) continue
        const entry = modelEntry(doc, (file) => modelFileLocation(file, cmsUrl).src)
        const data = await parseData({ id, data: entry as unknown as Record<string, unknown> })
        store.set({ id, data, digest })
      }
      for (const key of store.keys().filter((k) => !seen.has(k))) store.delete(key)
      logger.info(`models: ${seen.size} ready models, ${downloads} files downloaded`)
    },
  }
}
