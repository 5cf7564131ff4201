import { createRoute, z } from '@hono/zod-openapi'
import { reviewState, viewerStatus } from '@kairo/db'
import type { Context, MiddlewareHandler } from 'hono'
import { findUploadTarget, getDeliverableHistory, type VersionRecord } from '../../data/deliverables.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { deliverableMaxBytes } from '../../upload/limits.ts'
import { type ReceiveFailure, receiveBody } from '../../upload/receive.ts'
import { versionDownloadHref } from '../../views/dashboard/deliverable-page.tsx'
import { scopeFor } from '../dashboard/context.ts'
import { deliverableTitle, fileNameInput } from '../team/deliverables/schema.ts'
import { objectKeyFor, storeUpload } from '../team/deliverables/store.ts'
import { staffOnly, staffWriteLimit } from '../team/limits.ts'
import { commonErrors, createV1Router, ErrorSchema, jsonResponse } from './router.ts'

// Deliverables as JSON: a deliverable's history (anyone in scope), and the studio's uploads, whose
// body is the file itself (`Content-Type: application/octet-stream`, the name in `fileName`), streamed
// into the bucket as it arrives. Mounted ahead of `jsonOnly()` in `index.ts`, since the body is not
// JSON; CSRF stays closed because `application/octet-stream` is no type a cross-site form can send,
// and a cross-site `fetch` with it needs a CORS preflight this Worker never approves.

const isoDate = z.iso.datetime({ offset: true })

const VersionSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int().openapi({ description: '1 for the first upload, then +1 per upload' }),
    fileName: z.string().openapi({ description: 'Sanitised; the extension fits the bytes' }),
    contentType: z.string().openapi({ description: 'Taken from the bytes, never from the name' }),
    bytes: z.number().int(),
    sha256: z.string().nullable().openapi({ description: 'Hex; null for files from before versions' }),
    uploadedAt: isoDate,
    reviewState: z.enum(reviewState.enumValues),
    viewerStatus: z.enum(viewerStatus.enumValues).openapi({ description: 'queued for a GLB/glTF' }),
    downloadUrl: z.string().openapi({ description: 'Same-origin path; needs the session cookie' }),
  })
  .openapi('DeliverableVersion')

const UploadedSchema = z
  .object({ deliverableId: z.uuid(), title: z.string(), version: VersionSchema })
  .openapi('DeliverableUpload')

const HistorySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    projectId: z.uuid(),
    createdAt: isoDate,
    versions: z.array(VersionSchema.extend({ uploadedBy: z.string().nullable() })),
  })
  .openapi('Deliverable')

const pathId = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' })
const ProjectParam = z.object({ id: pathId('id') })
const DeliverableParam = z.object({ id: pathId('id'), deliverableId: pathId('deliverableId') })
const fileName = fileNameInput.openapi({
  param: { name: 'fileName', in: 'query' },
  description: "The file's name; sanitised, and its extension made to fit the bytes",
})

const fileBody = {
  required: true,
  description:
    'The file, as the raw body. Accepted (judged by the bytes): PDF, PNG, JPEG, GIF, WebP, MP4, MOV, WebM, ZIP, GLB, glTF, plain text, CSV; at most DELIVERABLE_MAX_BYTES (default 95 MiB).',
  content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
}

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
})
const uploadErrors = {
  ...commonErrors,
  400: error(
    'The body ended before Content-Length, or its stream failed (upload_incomplete); nothing stored',
  ),
  413: error('Larger than DELIVERABLE_MAX_BYTES (too_large); nothing stored'),
  415: error('The body is not application/octet-stream'),
  422: error('A type not accepted (unsupported_type), an empty file (empty), or invalid query fields'),
}

const noProject = errorBody('not_found', 'No such project')
const noDeliverable = errorBody('not_found', 'No such deliverable in this project')

/** Uploads take the raw file only: any other body type is refused before the body is read. */
const octetStreamOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!/^application\/octet-stream\b/i.test(c.req.header('content-type') ?? '')) {
    return c.json(errorBody('unsupported_media_type', 'Send the file as application/octet-stream'), 415)
  }
  await next()
}

const versionJson = (projectId: string, deliverableId: string, version: VersionRecord) => ({
  ...version,
  uploadedAt: version.uploadedAt.toISOString(),
  downloadUrl: versionDownloadHref(projectId, deliverableId, version.number),
})

const refusal = (failure: ReceiveFailure) =>
  errorBody(failure.code, failure.message, { file: failure.message })

/** Streams the body into the bucket and records it; the JSON answer either way. */
async function upload(
  c: Context<AppEnv>,
  projectId: string,
  deliverable: { id: string; title: string; isNew: boolean },
  name: string,
) {
  const received = await receiveBody(c.req.raw, name, {
    bucket: c.env.BUCKET,
    key: objectKeyFor(projectId, deliverable.id),
    maxBytes: deliverableMaxBytes(c.env),
  })
  if (!received.ok) return c.json(refusal(received), received.status)
  const result = await storeUpload(c, received, projectId, deliverable)
  if (!result.ok) return c.json(deliverable.isNew ? noProject : noDeliverable, 404)
  const version = versionJson(projectId, deliverable.id, result.version)
  return c.json({ deliverableId: deliverable.id, title: result.title, version }, 201)
}

export const deliverablesApi = createV1Router()

deliverablesApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/deliverables',
    tags: ['Deliverables'],
    summary:
      'Create a deliverable with its first file as version 1 (staff; audited as deliverable.created and deliverable.version_uploaded)',
    middleware: [staffOnly, staffWriteLimit, octetStreamOnly] as const,
    request: {
      params: ProjectParam,
      query: z.object({
        title: deliverableTitle.openapi({ param: { name: 'title', in: 'query' } }),
        fileName,
      }),
      body: fileBody,
    },
    responses: {
      201: jsonResponse(UploadedSchema, 'The new deliverable and its version 1'),
      ...uploadErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { title, fileName: name } = c.req.valid('query')
    const target = await findUploadTarget(c.var.db().db, scopeFor(c), id, null)
    if (!target) return c.json(noProject, 404)
    return upload(c, id, { id: crypto.randomUUID(), title, isNew: true }, name)
  },
)

deliverablesApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/deliverables/{deliverableId}/versions',
    tags: ['Deliverables'],
    summary: 'Upload the next version of a deliverable (staff; audited as deliverable.version_uploaded)',
    middleware: [staffOnly, staffWriteLimit, octetStreamOnly] as const,
    request: { params: DeliverableParam, query: z.object({ fileName }), body: fileBody },
    responses: { 201: jsonResponse(UploadedSchema, 'The new version'), ...uploadErrors },
  }),
  async (c) => {
    const { id, deliverableId } = c.req.valid('param')
    const { fileName: name } = c.req.valid('query')
    const target = await findUploadTarget(c.var.db().db, scopeFor(c), id, deliverableId)
    if (!target?.deliverable) return c.json(noDeliverable, 404)
    return upload(c, id, { ...target.deliverable, isNew: false }, name)
  },
)

deliverablesApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}/deliverables/{deliverableId}',
    tags: ['Deliverables'],
    summary: 'A deliverable with every version, newest first',
    middleware: [requireUser()] as const,
    request: { params: DeliverableParam },
    responses: { 200: jsonResponse(HistorySchema, 'The deliverable'), ...commonErrors },
  }),
  async (c) => {
    const { id, deliverableId } = c.req.valid('param')
    const history = await getDeliverableHistory(c.var.db().db, scopeFor(c), id, deliverableId)
    if (!history) return c.json(noDeliverable, 404)
    return c.json(
      {
        id: history.id,
        title: history.title,
        projectId: history.projectId,
        createdAt: history.createdAt.toISOString(),
        versions: history.versions.map(({ uploadedByName, viewerError: _error, ...version }) => ({
          ...versionJson(id, deliverableId, version),
          uploadedBy: uploadedByName,
        })),
      },
      200,
    )
  },
)
