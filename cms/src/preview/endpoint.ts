import type { Endpoint, Payload } from 'payload'

import type { PreviewEnv } from '../env.ts'
import { isPreviewCollection, PREVIEW_TARGETS } from './targets.ts'
import { verifyPreviewToken } from './token.ts'

/** What a preview read gives: the draft, or the status and error the caller answers with. */
export type DraftRead =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; status: 401 | 403 | 404; code: string; message: string }

const notFound = { ok: false, status: 404, code: 'not_found', message: 'No such document.' } as const
const ID = /^[1-9]\d{0,15}$/

/**
 * Reads the latest draft of one document for a signed preview link. The token is checked first and
 * only then is the database asked, with access control overridden: the token, not a user, is the
 * permission. The draft comes at the depth the site's build reads that collection at.
 */
export async function readDraftForPreview(
  payload: Payload,
  preview: PreviewEnv,
  params: { collection?: string; id?: string; token?: string | null },
  now = Date.now(),
): Promise<DraftRead> {
  const { collection, id, token } = params
  if (!preview.enabled) {
    return { ok: false, status: 404, code: 'preview_disabled', message: 'Draft preview is not configured.' }
  }
  if (!isPreviewCollection(collection) || !id || !ID.test(id)) return notFound
  if (!token) {
    return {
      ok: false,
      status: 401,
      code: 'preview_token_missing',
      message: 'This preview link has no token.',
    }
  }
  const check = verifyPreviewToken(token, { collection, id }, preview.secret, now)
  if (!check.ok) {
    const message =
      check.reason === 'expired'
        ? 'This preview link has expired: open Preview again from the admin.'
        : 'This preview link is not valid.'
    return { ok: false, status: 403, code: `preview_token_${check.reason}`, message }
  }
  const doc = await payload.findByID({
    collection,
    id: Number(id),
    draft: true,
    depth: PREVIEW_TARGETS[collection].depth,
    overrideAccess: true,
    disableErrors: true,
  })
  return doc ? { ok: true, doc: doc as unknown as Record<string, unknown> } : notFound
}

// A draft is never cached anywhere, nor indexed should a link leak.
const PRIVATE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' }

/**
 * `GET /api/preview/:collection/:id?token=...`: the latest draft as JSON for the site's preview
 * server, which holds no CMS credential of its own. Refusals use the project's error shape,
 * `{ error: { code, message } }`, and never include the draft.
 */
export function previewEndpoint(preview: PreviewEnv): Endpoint {
  return {
    path: '/preview/:collection/:id',
    method: 'get',
    handler: async (req) => {
      const { collection, id } = (req.routeParams ?? {}) as { collection?: string; id?: string }
      const result = await readDraftForPreview(req.payload, preview, {
        collection,
        id,
        token: req.searchParams.get('token'),
      })
      if (!result.ok) {
        const { status, code, message } = result
        return Response.json({ error: { code, message } }, { status, headers: PRIVATE })
      }
      return Response.json(result.doc, { headers: PRIVATE })
    },
  }
}
