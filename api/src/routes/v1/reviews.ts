import { createRoute, z } from '@hono/zod-openapi'
import { commentKind, reviewState } from '@kairo/db'
import { addComment, type DecideResult, decideVersion } from '../../data/review-steps.ts'
import { getDeliverableReview } from '../../data/reviews.ts'
import { errorBody } from '../../lib/errors.ts'
import { requireUser } from '../../middleware/session/index.ts'
import { auditFor, scopeFor, signedInUser } from '../dashboard/context.ts'
import { reviewComment, reviewDecision } from '../dashboard/review-schema.ts'
import { notifyReviewStep, reviewUrlOf, reviewWriteLimit } from '../dashboard/reviews.tsx'
import { commonErrors, createV1Router, ErrorSchema, jsonBody, jsonResponse } from './router.ts'

// The review loop as JSON: a deliverable's threads, the client's decision on the current version and
// anyone's comment, through the same data functions (scope, one transaction, feed, audit) and the
// same limit as the dashboard's forms. A client never receives an internal comment. The studio
// deciding for its client gets 404, as every role-restricted route answers; so does any id of
// another company, or one that is not a uuid.

const isoDate = z.iso.datetime({ offset: true })
const role = z.enum(['studio', 'client']).nullable().openapi({ description: 'null for a deleted account' })

const CommentSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(commentKind.enumValues)
      .openapi({ description: 'A plain comment, or the decision it carries' }),
    body: z.string(),
    internal: z.boolean().openapi({ description: 'Studio only; never sent to a client' }),
    createdAt: isoDate,
    authorName: z.string().nullable(),
    authorRole: role,
  })
  .openapi('ReviewComment')

const VersionReviewSchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    fileName: z.string(),
    uploadedAt: isoDate,
    reviewState: z.enum(reviewState.enumValues),
    reviewedAt: isoDate.nullable(),
    reviewedByName: z.string().nullable(),
    comments: z.array(CommentSchema).openapi({ description: 'Oldest first' }),
  })
  .openapi('VersionReview')

const ReviewSchema = z
  .object({
    deliverableId: z.uuid(),
    title: z.string(),
    projectId: z.uuid(),
    versions: z.array(VersionReviewSchema).openapi({ description: 'Newest (the current version) first' }),
  })
  .openapi('DeliverableReview')

const StepSchema = z
  .object({
    versionId: z.uuid(),
    version: z.number().int(),
    commentId: z.uuid(),
    reviewState: z.enum(reviewState.enumValues),
    internal: z.boolean(),
  })
  .openapi('ReviewStep')

const pathId = (name: string) => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' })
const DeliverableParam = z.object({ id: pathId('id'), deliverableId: pathId('deliverableId') })
const VersionParam = DeliverableParam.extend({ versionId: pathId('versionId') })

const noDeliverable = errorBody('not_found', 'No such deliverable in this project')
const noVersion = errorBody('not_found', 'No such version of this deliverable')
const conflict = {
  description: 'Nothing changed: not the current version, or already decided',
  content: { 'application/json': { schema: ErrorSchema } },
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

/** Why a decision changed nothing, as the API's 409. */
function refused(result: Extract<DecideResult, { reason: 'not_current' | 'already_decided' }>) {
  if (result.reason === 'not_current') {
    return errorBody(
      'version_not_current',
      `Version ${result.number} is not the current version: only version ${result.current} can be decided`,
    )
  }
  return errorBody('already_decided', `Version ${result.number} was already decided (${result.state})`)
}

export const reviewsApi = createV1Router()

reviewsApi.openapi(
  createRoute({
    method: 'get',
    path: '/projects/{id}/deliverables/{deliverableId}/reviews',
    tags: ['Reviews'],
    summary:
      "A deliverable's versions with their review state and comments (internal ones for the studio only)",
    request: { params: DeliverableParam },
    responses: { 200: jsonResponse(ReviewSchema, 'The review'), ...commonErrors },
  }),
  async (c) => {
    const { id, deliverableId } = c.req.valid('param')
    const review = await getDeliverableReview(c.var.db().db, scopeFor(c), id, deliverableId)
    if (!review) return c.json(noDeliverable, 404)
    return c.json(
      {
        deliverableId: review.deliverableId,
        title: review.title,
        projectId: review.projectId,
        versions: review.versions.map((v) => ({
          ...v,
          uploadedAt: v.uploadedAt.toISOString(),
          reviewedAt: iso(v.reviewedAt),
          comments: v.comments.map((cm) => ({ ...cm, createdAt: cm.createdAt.toISOString() })),
        })),
      },
      200,
    )
  },
)

reviewsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/deliverables/{deliverableId}/versions/{versionId}/decision',
    tags: ['Reviews'],
    summary:
      'Approve the current version or request changes (clients only; audited as review.approved / review.changes_requested)',
    middleware: [requireUser({ roles: ['client'] }), reviewWriteLimit] as const,
    request: { params: VersionParam, body: jsonBody(reviewDecision) },
    responses: { 201: jsonResponse(StepSchema, 'The decision, recorded'), 409: conflict, ...commonErrors },
  }),
  async (c) => {
    const { id, deliverableId, versionId } = c.req.valid('param')
    const { decision, comment } = c.req.valid('json')
    const result = await decideVersion(
      c.var.db().db,
      scopeFor(c),
      signedInUser(c),
      { projectId: id, deliverableId, versionId },
      { decision, comment: comment ?? '' },
      auditFor(c),
      notifyReviewStep(c),
      reviewUrlOf(c, id, deliverableId),
    )
    if (!result.ok)
      return result.reason === 'not_found' ? c.json(noVersion, 404) : c.json(refused(result), 409)
    const { step } = result
    return c.json(
      {
        versionId: step.versionId,
        version: step.versionNumber,
        commentId: step.commentId,
        reviewState: decision,
        internal: false,
      },
      201,
    )
  },
)

reviewsApi.openapi(
  createRoute({
    method: 'post',
    path: '/projects/{id}/deliverables/{deliverableId}/versions/{versionId}/comments',
    tags: ['Reviews'],
    summary: 'Comment on a version; the studio may mark it internal (audited as review.commented)',
    middleware: [reviewWriteLimit] as const,
    request: { params: VersionParam, body: jsonBody(reviewComment) },
    responses: { 201: jsonResponse(StepSchema.omit({ reviewState: true }), 'The comment'), ...commonErrors },
  }),
  async (c) => {
    const { id, deliverableId, versionId } = c.req.valid('param')
    const { body, internal } = c.req.valid('json')
    const result = await addComment(
      c.var.db().db,
      scopeFor(c),
      signedInUser(c),
      { projectId: id, deliverableId, versionId },
      { body, internal: internal ?? false },
      auditFor(c),
      notifyReviewStep(c),
    )
    if (!result.ok) {
      return result.reason === 'not_found'
        ? c.json(noVersion, 404)
        : c.json(errorBody('invalid_input', 'Some fields need attention', result.fields), 422)
    }
    const { step } = result
    return c.json(
      {
        versionId: step.versionId,
        version: step.versionNumber,
        commentId: step.commentId,
        internal: step.internal,
      },
      201,
    )
  },
)
