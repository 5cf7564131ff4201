import type { Context } from 'hono'
import { addComment, type DecideResult, decideVersion } from '../../data/review-steps.ts'
import type { NotifyReviewStep } from '../../data/reviews.ts'
import type { AppEnv } from '../../env.ts'
import { clientNetwork } from '../../lib/client-network.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readForm } from '../../lib/form.ts'
import { publicOrigin } from '../../lib/negotiate.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { notify } from '../../notifications/index.ts'
import { setFlash } from '../../views/dashboard/flash.ts'
import { reviewHref } from '../../views/dashboard/review-panel.tsx'
import { auditFor, dashboardPage, scopeFor, sendNotFound, signedInUser } from './context.ts'
import { renderDeliverable } from './files.tsx'
import { reviewComment, reviewDecision } from './review-schema.ts'

// The review loop's posts: the client's decision on the current version and anyone's comment. The
// threads and forms are on the deliverable's page (files.tsx). The posts are same-origin, limited per
// account, written in one transaction each (see `data/review-steps.ts`), and answer 303 back to that
// page with a message, or the page with the form's messages and input (422), or with why nothing
// changed (409).

/**
 * A ceiling on review posts per account (forms and `/api/v1` together): far above a conversation's
 * pace, low enough that a script cannot flood a thread, the feed and the audit log.
 */
export const reviewWriteLimit = rateLimit({
  prefix: 'review:write',
  limit: 60,
  windowSeconds: 600,
  key: (c) => c.var.auth?.user.id ?? clientNetwork(c),
})

/**
 * The review steps' notifier for this request: the notifications module's `notify`, with links to
 * the version on the review page (e-mailed from the public origin). Shared with `/api/v1`.
 */
export function notifyReviewStep(c: Context<AppEnv>): NotifyReviewStep {
  const origin = publicOrigin(c)
  return async (tx, step) => {
    const about = {
      companyId: step.companyId,
      actorId: step.actorId,
      link: `${reviewHref(step.projectId, step.deliverableId)}#version-${step.versionNumber}`,
      origin,
      projectId: step.projectId,
      deliverableTitle: step.deliverableTitle,
      versionNumber: step.versionNumber,
    }
    if (step.kind === 'comment.added') {
      await notify(tx, {
        ...about,
        kind: 'comment_added',
        internal: step.internal,
        excerpt: step.excerpt ?? '',
      })
    } else {
      const kind = step.kind === 'version.approved' ? 'version_approved' : 'changes_requested'
      await notify(tx, { ...about, kind, excerpt: step.excerpt })
    }
  }
}

/** A version's place on the deliverable's page, absolute (the outgoing webhooks' `url`). Shared with `/api/v1`. */
export function reviewUrlOf(c: Context<AppEnv>, projectId: string, deliverableId: string) {
  const page = `${publicOrigin(c)}${reviewHref(projectId, deliverableId)}`
  return (versionNumber: number) => `${page}#version-${versionNumber}`
}

/** Deciding is the client's: the studio gets the 404 every role-restricted route gives. */
export const clientPage = dashboardPage({ roles: ['client'] })

/** Why a decision changed nothing, in words. */
function refusal(result: Exclude<DecideResult, { ok: true } | { reason: 'not_found' }>): string {
  if (result.reason === 'not_current') {
    return `Version ${result.number} is no longer the current version: only version ${result.current} can be approved or sent back. Nothing was changed.`
  }
  return result.state === 'approved'
    ? `Version ${result.number} was already approved. Nothing was changed.`
    : `Changes were already requested on version ${result.number}. Nothing was changed.`
}

const PATH = '/dashboard/projects/:id/deliverables/:deliverableId'

export const reviewRoutes = createRouter()
  // The review used to have a page of its own: its address leads to the deliverable's page.
  .get(`${PATH}/review`, dashboardPage(), (c) =>
    c.redirect(`${reviewHref(c.req.param('id'), c.req.param('deliverableId'))}#review-heading`, 301),
  )
  .post(`${PATH}/versions/:versionId/decision`, sameOrigin(), clientPage, reviewWriteLimit, async (c) => {
    const { id, deliverableId, versionId } = c.req.param()
    const form = await readForm(c)
    const input = parseWith(reviewDecision, form)
    if (!input.ok) {
      return renderDeliverable(c, {
        versionId,
        status: 422,
        failedReview: { form: 'decision', errors: input.fields, values: form },
      })
    }
    const user = signedInUser(c)
    const result = await decideVersion(
      c.var.db().db,
      scopeFor(c),
      user,
      { projectId: id, deliverableId, versionId },
      { decision: input.data.decision, comment: input.data.comment ?? '' },
      auditFor(c),
      notifyReviewStep(c),
      reviewUrlOf(c, id, deliverableId),
    )
    if (!result.ok) {
      if (result.reason === 'not_found') return sendNotFound(c)
      return renderDeliverable(c, { status: 409, flash: { tone: 'error', message: refusal(result) } })
    }
    const { step } = result
    setFlash(c, {
      tone: 'success',
      message:
        step.kind === 'version.approved'
          ? `You approved version ${step.versionNumber} of “${step.deliverableTitle}”.`
          : `You requested changes to version ${step.versionNumber} of “${step.deliverableTitle}”; the studio will reply.`,
    })
    return c.redirect(`${reviewHref(id, deliverableId)}#version-${step.versionNumber}`, 303)
  })
  .post(
    `${PATH}/versions/:versionId/comments`,
    sameOrigin(),
    dashboardPage(),
    reviewWriteLimit,
    async (c) => {
      const { id, deliverableId, versionId } = c.req.param()
      const form = await readForm(c)
      const failed = (errors: Record<string, string>) =>
        renderDeliverable(c, {
          versionId,
          status: 422,
          failedReview: { form: 'comment', errors, values: form },
        })
      // A checkbox sends its value only when ticked.
      const input = parseWith(reviewComment, { body: form.body, internal: form.internal !== undefined })
      if (!input.ok) return failed(input.fields)
      const result = await addComment(
        c.var.db().db,
        scopeFor(c),
        signedInUser(c),
        { projectId: id, deliverableId, versionId },
        { body: input.data.body, internal: input.data.internal ?? false },
        auditFor(c),
        notifyReviewStep(c),
      )
      if (!result.ok) return result.reason === 'not_found' ? sendNotFound(c) : failed(result.fields)
      setFlash(c, {
        tone: 'success',
        message: result.step.internal
          ? "Your internal comment was added; the client won't see it."
          : 'Your comment was added.',
      })
      return c.redirect(`${reviewHref(id, deliverableId)}#version-${result.step.versionNumber}`, 303)
    },
  )
