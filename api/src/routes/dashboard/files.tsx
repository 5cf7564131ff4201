import type { Context } from 'hono'
import { getDeliverableHistory, getVersionObject } from '../../data/deliverables.ts'
import { getDeliverable } from '../../data/projects.ts'
import { toVersionReviews, versionReviewsJson } from '../../data/reviews.ts'
import { outerColumn } from '../../data/rows.ts'
import { seesAllCompanies } from '../../data/scope.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { log } from '../../lib/logger.ts'
import { hexToBase64, toHex, verifiedBody } from '../../upload/digest.ts'
import type { ReceiveFailure } from '../../upload/receive.ts'
import { DeliverablePage } from '../../views/dashboard/deliverable-page.tsx'
import { type Flash, takeFlash } from '../../views/dashboard/flash.ts'
import { NotFoundPage } from '../../views/dashboard/not-found-page.tsx'
import { ReviewPanel } from '../../views/dashboard/review-panel.tsx'
import type { FailedForm } from '../../views/kit/failed-form.ts'
import { dashboardPage, scopeFor, sendNotFound } from './context.ts'

// Deliverables as the client and the studio read them: a deliverable's page (its versions) and the
// downloads, each version's and the newest's. The bucket has no public URL, so these routes are the
// only way to a file, and a file of another company is a 404 like one that does not exist.

/** What a download needs to know of the file it serves. */
interface FileRow {
  title: string
  fileName: string
  objectKey: string
  contentType: string
  bytes: number
  sha256: string | null
}

/**
 * Streams a file from R2 through the Worker (`BUCKET`) after the scope check. A file uploaded with a
 * checksum is checked against what R2 reports: a different size or SHA-256 answers 502 and serves
 * nothing; an object R2 holds without its own SHA-256 (a multipart upload) is hashed as it streams
 * and the response fails rather than finish with wrong bytes. `Repr-Digest` (and the older `Digest`)
 * carry the SHA-256 so the client can check it too. A file whose object is not in the bucket (the
 * seed's, locally) answers 404 "not available yet" rather than failing.
 */
async function serveFile(c: Context<AppEnv>, file: FileRow) {
  const object = await c.env.BUCKET.get(file.objectKey)
  if (!object) {
    log(c, 'warn', 'deliverable object missing', { objectKey: file.objectKey })
    return c.html(
      <NotFoundPage
        c={c}
        title="File not available yet"
        message={`“${file.title}” is listed, but its file has not been uploaded yet. Try again later, or ask the studio.`}
      />,
      404,
    )
  }
  const stored = object.checksums.sha256 ? toHex(object.checksums.sha256) : null
  if (file.sha256 !== null && (object.size !== file.bytes || (stored !== null && stored !== file.sha256))) {
    await object.body.cancel()
    log(c, 'error', 'deliverable object fails its checksum', {
      objectKey: file.objectKey,
      bytes: object.size,
      expectedBytes: file.bytes,
    })
    return c.html(
      <NotFoundPage
        c={c}
        title="This file failed its integrity check"
        message={`The stored copy of “${file.fileName}” does not match the file that was uploaded, so it was not sent. The studio has been told; please ask them for the file.`}
      />,
      502,
    )
  }
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Length': String(object.size),
    'Content-Disposition': contentDisposition(file.fileName),
    ETag: object.httpEtag,
    // One account's file: never kept by a shared cache.
    'Cache-Control': 'private, no-store',
  }
  if (file.sha256 !== null) {
    const digest = hexToBase64(file.sha256)
    headers['Repr-Digest'] = `sha-256=:${digest}:`
    headers.Digest = `sha-256=${digest}`
  }
  const body = file.sha256 !== null && stored === null ? verifiedBody(object.body, file.sha256) : object.body
  return c.body(body, 200, headers)
}

/** `GET /dashboard/projects/<id>/files/<deliverableId>`: the newest version of a deliverable. */
export async function downloadDeliverable(c: Context<AppEnv>) {
  const deliverable = await getDeliverable(
    c.var.db().db,
    scopeFor(c),
    c.req.param('id') ?? '',
    c.req.param('deliverableId') ?? '',
  )
  if (!deliverable) return sendNotFound(c)
  return serveFile(c, deliverable)
}

/**
 * A deliverable's page in one statement (404 when out of scope); `failed` re-renders it with the
 * refused new-version form (the route that refused it passes its status).
 */
/** What a re-rendered deliverable page shows besides the page itself. */
export interface DeliverableRender {
  /** The new-version form that was refused, and the status it answered with. */
  failedVersion?: { form: FailedForm<'version'>; status: ReceiveFailure['status'] }
  /** The review's decision or comment form that was refused (422). */
  failedReview?: FailedForm<'decision' | 'comment'>
  flash?: Flash
  status?: 200 | 409 | 413 | 415 | 422
  /** A version id from the URL: it must be one of the deliverable's, else 404. */
  versionId?: string
}

/**
 * The deliverable's page: its versions, the current one's 3D preview, the studio's upload form and
 * the review threads with their forms, all read in ONE statement (the review threads are a json
 * column of the history's query), so the page costs the session's round trip and this one.
 */
export async function renderDeliverable(c: Context<AppEnv>, options: DeliverableRender = {}) {
  const scope = scopeFor(c)
  const deliverable = await getDeliverableHistory(
    c.var.db().db,
    scope,
    c.req.param('id') ?? '',
    c.req.param('deliverableId') ?? '',
    { reviews: versionReviewsJson(scope, outerColumn('project_deliverables', 'id')) },
  )
  if (!deliverable) return sendNotFound(c)
  const reviews = toVersionReviews(deliverable.reviews)
  if (options.versionId && !reviews.some((v) => v.id === options.versionId)) return sendNotFound(c)
  return c.html(
    <DeliverablePage
      c={c}
      deliverable={deliverable}
      manage={seesAllCompanies(scope)}
      failed={options.failedVersion?.form}
      flash={options.flash ?? takeFlash(c)}
    >
      <ReviewPanel
        projectId={deliverable.projectId}
        deliverableId={deliverable.id}
        versions={reviews}
        viewer={seesAllCompanies(scope) ? 'studio' : 'client'}
        failed={options.failedReview}
      />
    </DeliverablePage>,
    options.status ?? options.failedVersion?.status ?? 200,
  )
}

/**
 * `GET /dashboard/projects/<id>/deliverables/<deliverableId>` (its versions) and
 * `GET …/versions/<number>/download`. Clients read their company's, the studio every company's.
 */
export const fileRoutes = createRouter()
  .get('/dashboard/projects/:id/deliverables/:deliverableId', dashboardPage(), (c) => renderDeliverable(c))
  .get(
    '/dashboard/projects/:id/deliverables/:deliverableId/versions/:number{[0-9]{1,9}}/download',
    dashboardPage(),
    async (c) => {
      const { id, deliverableId, number } = c.req.param()
      const version = await getVersionObject(c.var.db().db, scopeFor(c), id, deliverableId, Number(number))
      if (!version) return sendNotFound(c)
      return serveFile(c, version)
    },
  )

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
