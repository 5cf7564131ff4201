import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Endpoint } from 'payload'

import { pipeline } from './pipeline.ts'
import { isModelAssetKey, MODEL_ASSETS_DIR, MODEL_ASSETS_ROUTE } from './storage.ts'

const IMMUTABLE = 'public, max-age=31536000, immutable'

const refusal = (status: 400 | 404, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } })

/**
 * Reads one processed model file for `GET /api/model-assets/<key>`, or says why not. Keys are checked
 * against the pipeline's pattern (`models/<name>/<file>`) before the disk is touched, and the
 * resolved path must stay inside the folder, so `../` in any spelling reaches nothing.
 */
export async function readModelAsset(
  key: string,
  root = MODEL_ASSETS_DIR,
): Promise<
  { ok: true; body: Uint8Array; type: string; immutable: boolean } | { ok: false; response: Response }
> {
  if (!isModelAssetKey(key)) {
    return { ok: false, response: refusal(400, 'invalid_key', 'Not a model file key.') }
  }
  const file = path.resolve(root, key)
  if (!file.startsWith(`${root}${path.sep}`)) {
    return { ok: false, response: refusal(400, 'invalid_key', 'Not a model file key.') }
  }
  try {
    const body = new Uint8Array(await readFile(file))
    // Every file is content-addressed except the manifest, which a rebuild rewrites in place.
    const { contentTypeOf } = await pipeline()
    return { ok: true, body, type: contentTypeOf(key), immutable: !key.endsWith('/manifest.json') }
  } catch {
    return { ok: false, response: refusal(404, 'not_found', 'No such model file.') }
  }
}

/**
 * `GET /api/model-assets/<key>`: the pipeline's output kept in `cms/model-assets/` when R2 is not
 * configured (dev, tests, CI). Content-addressed files are cached for a year as immutable.
 */
export const modelAssetsEndpoint: Endpoint = {
  path: `${MODEL_ASSETS_ROUTE}/:key+`,
  method: 'get',
  handler: async (req) => {
    const segments = (req.routeParams as { key?: string | string[] } | undefined)?.key
    const key = Array.isArray(segments) ? segments.join('/') : (segments ?? '')
    const result = await readModelAsset(key)
    if (!result.ok) return result.response
    return new Response(Buffer.from(result.body), {
      headers: {
        'content-type': result.type,
        'content-length': String(result.body.byteLength),
        'cache-control': result.immutable ? IMMUTABLE : 'no-cache',
        'x-content-type-options': 'nosniff',
        // The site's build and the islands on another origin fetch these.
        'access-control-allow-origin': '*',
      },
    })
  },
}
