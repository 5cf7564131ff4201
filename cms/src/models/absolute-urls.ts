import type { FieldHook } from 'payload'

import { MODEL_ASSETS_ROUTE } from './storage.ts'

/** What local manifests' URLs start with in the database: root-relative, so no port or host is baked in. */
export const LOCAL_ASSETS_BASE = `/api${MODEL_ASSETS_ROUTE}/`

type Manifestish = { lods?: { url?: unknown }[]; poster?: { images?: { url?: unknown }[] } | null }

/** The manifest with `fn` applied to every file URL (each LOD and each poster image). */
function mapUrls(value: unknown, fn: (url: string) => string): unknown {
  if (!value || typeof value !== 'object') return value
  const manifest = value as Manifestish
  const map = <T extends { url?: unknown }>(item: T): T =>
    typeof item.url === 'string' ? { ...item, url: fn(item.url) } : item
  return {
    ...manifest,
    ...(Array.isArray(manifest.lods) ? { lods: manifest.lods.map(map) } : {}),
    ...(manifest.poster && Array.isArray(manifest.poster.images)
      ? { poster: { ...manifest.poster, images: manifest.poster.images.map(map) } }
      : {}),
  }
}

const originOf = (serverURL: string) => serverURL.replace(/\/+$/, '')

/**
 * Makes a local manifest's URLs absolute on this CMS's origin (`serverURL`) as it is read, so the
 * same stored manifest is right on port 3000 in development and on the e2e port in tests. R2 URLs
 * are absolute already and pass through untouched.
 */
export const absoluteManifestUrls: FieldHook = ({ value, req }) => {
  const origin = originOf(req.payload.config.serverURL)
  return mapUrls(value, (url) => (url.startsWith(LOCAL_ASSETS_BASE) ? `${origin}${url}` : url))
}

/** The inverse, before a save: whatever a client sends back is stored root-relative again. */
export const relativeManifestUrls: FieldHook = ({ value, req }) => {
  const prefix = `${originOf(req.payload.config.serverURL)}${LOCAL_ASSETS_BASE}`
  return mapUrls(value, (url) =>
    url.startsWith(prefix) ? url.slice(prefix.length - LOCAL_ASSETS_BASE.length) : url,
  )
}
