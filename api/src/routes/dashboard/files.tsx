import type { Context } from 'hono'
import { getDeliverable } from '../../data/projects.ts'
import type { AppEnv } from '../../env.ts'
import { log } from '../../lib/logger.ts'
import { NotFoundPage } from '../../views/dashboard/not-found-page.tsx'
import { scopeFor, sendNotFound } from './context.ts'

/**
 * Streams a deliverable from R2 through the Worker (`BUCKET`), after the scope check: the bucket has
 * no public URL, so this route is the only way to a file, and a file of another company is a 404
 * like one that does not exist. A deliverable whose object is not in the bucket (not uploaded yet,
 * or a local setup without the demo files) answers 404 "not available yet" rather than failing.
 */
export async function downloadDeliverable(c: Context<AppEnv>) {
  const deliverable = await getDeliverable(
    c.var.db().db,
    scopeFor(c),
    c.req.param('id') ?? '',
    c.req.param('deliverableId') ?? '',
  )
  if (!deliverable) return sendNotFound(c)
  const object = await c.env.BUCKET.get(deliverable.objectKey)
  if (!object) {
    log(c, 'warn', 'deliverable object missing', { deliverableId: deliverable.id })
    return c.html(
      <NotFoundPage
        c={c}
        title="File not available yet"
        message={`“${deliverable.title}” is listed, but its file has not been uploaded yet. Try again later, or ask the studio.`}
      />,
      404,
    )
  }
  return c.body(object.body, 200, {
    'Content-Type': deliverable.contentType,
    'Content-Length': String(object.size),
    'Content-Disposition': contentDisposition(deliverable.fileName),
    ETag: object.httpEtag,
    // One account's file: never kept by a shared cache.
    'Cache-Control': 'private, no-store',
  })
}

/**
 * `attachment` with an ASCII fallback name and the exact name as RFC 5987 UTF-8, so no header
 * injection (quotes, CR/LF) and no mangled non-ASCII names.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
