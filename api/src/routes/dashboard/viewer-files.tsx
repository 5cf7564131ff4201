import { getViewerVersion } from '../../data/model-jobs.ts'
import { createRouter } from '../../lib/create-app.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { isViewerFileName, viewerContentType } from '../internal/output-names.ts'
import { scopeFor, sendNotFound } from './context.ts'

/**
 * `GET /dashboard/projects/<id>/deliverables/<deliverableId>/versions/<number>/viewer/<file>`: a
 * ready version's 3D viewer files (poster images, levels of detail, `manifest.json`) streamed from
 * BUCKET to the project's company and the studio only. Another company's version, one that is not
 * ready, or a name that is not a viewer file is the dashboard's 404; two round trips (session, one
 * statement). `Cache-Control: private, no-cache` with the object's ETag: a browser may keep a copy
 * but asks again each time (a 304 costs no body), so a signed-out account's files are not served
 * from a shared cache and access is checked on every use.
 */
export const viewerFileRoutes = createRouter().get(
  '/dashboard/projects/:id/deliverables/:deliverableId/versions/:number/viewer/:file',
  requireUser(),
  async (c) => {
    const file = c.req.param('file')
    const number = /^[1-9][0-9]{0,8}$/.test(c.req.param('number')) ? Number(c.req.param('number')) : 0
    if (!isViewerFileName(file) || number === 0) return sendNotFound(c)
    const version = await getViewerVersion(
      c.var.db().db,
      scopeFor(c),
      c.req.param('id'),
      c.req.param('deliverableId'),
      number,
    )
    if (version?.viewerStatus !== 'ready' || !version.viewerPrefix) return sendNotFound(c)
    const headers = { 'Cache-Control': 'private, no-cache', 'X-Content-Type-Options': 'nosniff' }
    const object = await c.env.BUCKET.get(`${version.viewerPrefix}${file}`, {
      onlyIf: c.req.raw.headers,
    })
    if (!object) return sendNotFound(c)
    if (!('body' in object)) return c.body(null, 304, { ...headers, ETag: object.httpEtag })
    return c.body(object.body, 200, {
      ...headers,
      'Content-Type': viewerContentType(file),
      'Content-Length': String(object.size),
      ETag: object.httpEtag,
    })
  },
)
