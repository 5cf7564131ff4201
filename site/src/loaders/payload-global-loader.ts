import type { Loader, LoaderContext } from 'astro/loaders'
import { fetchJson, PayloadLoaderError } from './payload-loader.ts'

export interface PayloadGlobalLoaderOptions {
  /** The Payload global slug, e.g. `site-settings`. */
  global: string
  cmsUrl: string
  timeoutMs?: number
  offline?: boolean
}

/**
 * An Astro Content Layer loader for one Payload global: one request
 * (`GET /api/globals/<slug>?depth=1`), stored as the single entry `global`. An unset global (Payload
 * answers an object without fields) is stored as it is; the pages fall back to their defaults.
 */
export function payloadGlobalLoader(options: PayloadGlobalLoaderOptions): Loader {
  const { global, cmsUrl, timeoutMs = 15_000, offline = false } = options
  const url = `${cmsUrl}/api/globals/${encodeURIComponent(global)}?depth=1`
  return {
    name: 'payload-global-loader',
    async load({ store, parseData, generateDigest, logger }: LoaderContext) {
      if (offline) {
        logger.warn(`${global}: offline, CMS not read; keeping ${store.keys().length} stored entries`)
        return
      }
      const body = await fetchJson(url, cmsUrl, timeoutMs)
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new PayloadLoaderError(`The CMS at CMS_URL=${cmsUrl} sent an unexpected body for GET ${url}`)
      logger.info(`${global}: GET ${url} -> 200 (1 request)`)
      const digest = generateDigest(body as Record<string, unknown>)
      if (store.get('global')?.digest === digest) return
      const data = await parseData({ id: 'global', data: body as Record<string, unknown> })
      store.clear()
      store.set({ id: 'global', data, digest })
    },
  }
}
