import type { Context } from 'hono'
import { findUploadTarget } from '../../../data/deliverables.ts'
import { getProject } from '../../../data/projects.ts'
import type { AppEnv } from '../../../env.ts'
import { createRouter } from '../../../lib/create-app.ts'
import { parseWith } from '../../../lib/form.ts'
import { sameOrigin } from '../../../middleware/same-origin/index.ts'
import { deliverableMaxBytes } from '../../../upload/limits.ts'
import { type ReceiveFailure, receiveForm } from '../../../upload/receive.ts'
import { deliverablePageHref } from '../../../views/dashboard/deliverable-page.tsx'
import { setFlash } from '../../../views/dashboard/flash.ts'
import { ProjectPage } from '../../../views/dashboard/project-page.tsx'
import type { FailedForm } from '../../../views/kit/failed-form.ts'
import { scopeFor, sendNotFound } from '../../dashboard/context.ts'
import { renderDeliverable } from '../../dashboard/files.tsx'
import { staffPage, staffWriteLimit } from '../limits.ts'
import { deliverableInput } from './schema.ts'
import { objectKeyFor, storeUpload } from './store.ts'

// The studio's uploads from the dashboard, as `multipart/form-data` form posts that work without
// script: a new deliverable (title + first file) from the project page, a new version from the
// deliverable's page. The project and deliverable are checked before a byte is stored (another
// company's, or an unknown id: 404, nothing stored); the file streams into the bucket; a refused
// file (too large, a type not accepted, cut off) leaves nothing and re-renders the form with the
// message by its field. Success: 303 to the deliverable's page with a message.

/** The project page again, with the add-deliverable form's messages (and the title typed). */
async function projectWithMessages(
  c: Context<AppEnv>,
  projectId: string,
  failed: FailedForm<'deliverable'>,
  status: ReceiveFailure['status'],
) {
  const project = await getProject(c.var.db().db, scopeFor(c), projectId)
  if (!project) return sendNotFound(c)
  return c.html(<ProjectPage c={c} project={project} showCompany manage uploadFailed={failed} />, status)
}

/** The form's messages for a refused file: by the file field, or about the whole form. */
function fileErrors(failure: ReceiveFailure): Record<string, string> {
  return failure.field === 'file' ? { file: failure.message } : { form: failure.message }
}

export const deliverablePages = createRouter()
  .post('/dashboard/projects/:id/deliverables', sameOrigin(), staffPage, staffWriteLimit, async (c) => {
    const projectId = c.req.param('id')
    const target = await findUploadTarget(c.var.db().db, scopeFor(c), projectId, null)
    if (!target) return sendNotFound(c)
    const deliverableId = crypto.randomUUID()
    const received = await receiveForm(c.req.raw, {
      bucket: c.env.BUCKET,
      key: objectKeyFor(projectId, deliverableId),
      maxBytes: deliverableMaxBytes(c.env),
    })
    const title = parseWith(deliverableInput, received.fields)
    if (!received.ok || !title.ok) {
      if (received.ok) await received.upload.abort()
      const errors = { ...(title.ok ? {} : title.fields), ...(received.ok ? {} : fileErrors(received)) }
      const failed = { form: 'deliverable' as const, errors, values: received.fields }
      return projectWithMessages(c, projectId, failed, received.ok ? 422 : received.status)
    }
    const deliverable = { id: deliverableId, title: title.data.title, isNew: true }
    const result = await storeUpload(c, received, projectId, deliverable)
    if (!result.ok) return sendNotFound(c)
    setFlash(c, {
      tone: 'success',
      message: `“${result.title}” was added as version 1 (${result.version.fileName}).`,
    })
    return c.redirect(deliverablePageHref(projectId, deliverableId), 303)
  })
  .post(
    '/dashboard/projects/:id/deliverables/:deliverableId/versions',
    sameOrigin(),
    staffPage,
    staffWriteLimit,
    async (c) => {
      const { id: projectId, deliverableId } = c.req.param()
      const target = await findUploadTarget(c.var.db().db, scopeFor(c), projectId, deliverableId)
      if (!target?.deliverable) return sendNotFound(c)
      const received = await receiveForm(c.req.raw, {
        bucket: c.env.BUCKET,
        key: objectKeyFor(projectId, deliverableId),
        maxBytes: deliverableMaxBytes(c.env),
      })
      if (!received.ok) {
        const form = { form: 'version' as const, errors: fileErrors(received), values: {} }
        return renderDeliverable(c, { failedVersion: { form, status: received.status } })
      }
      const deliverable = { ...target.deliverable, isNew: false }
      const result = await storeUpload(c, received, projectId, deliverable)
      if (!result.ok) return sendNotFound(c)
      setFlash(c, {
        tone: 'success',
        message: `Version ${result.version.number} of “${result.title}” was uploaded (${result.version.fileName}).`,
      })
      return c.redirect(deliverablePageHref(projectId, deliverableId), 303)
    },
  )
