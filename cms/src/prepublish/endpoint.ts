import type { Endpoint } from 'payload'

import { checkDocument } from './check-document.ts'

/** The collections editors publish pages from; each is read at depth 1 (media and models populated). */
const CHECKED = new Set(['case-studies', 'services', 'pages'])
const PRIVATE = { 'cache-control': 'no-store' }

/**
 * `GET /api/prepublish/:collection/:id`, for signed-in users: the pre-publish warnings of the
 * document's latest version (the draft the admin autosaves while the editor types, so the warnings
 * follow the form), read with the user's own access. Answers in the project's error shape.
 */
export const prepublishEndpoint: Endpoint = {
  path: '/prepublish/:collection/:id',
  method: 'get',
  handler: async (req) => {
    const refuse = (status: number, code: string, message: string) =>
      Response.json({ error: { code, message } }, { status, headers: PRIVATE })
    if (!req.user) return refuse(401, 'unauthorized', 'Sign in to check a document.')
    const { collection, id } = (req.routeParams ?? {}) as { collection?: string; id?: string }
    if (!collection || !CHECKED.has(collection) || !id || !/^[1-9]\d{0,15}$/.test(id)) {
      return refuse(404, 'not_found', 'Only case studies, services and pages are checked.')
    }
    const doc = await req.payload.findByID({
      collection: collection as 'pages',
      id: Number(id),
      draft: true,
      depth: 1,
      disableErrors: true,
      overrideAccess: false,
      req,
    })
    if (!doc) return refuse(404, 'not_found', 'No such document.')
    return Response.json(
      { warnings: checkDocument(doc as unknown as Record<string, unknown>) },
      { headers: PRIVATE },
    )
  },
}
