import type { Context } from 'hono'
import { type AnnounceVersion, type RecordVersionResult, recordVersion } from '../../../data/deliverables.ts'
import type { AppEnv } from '../../../env.ts'
import { log } from '../../../lib/logger.ts'
import { publicOrigin } from '../../../lib/negotiate.ts'
import { notify } from '../../../notifications/index.ts'
import type { Received } from '../../../upload/receive.ts'
import { deliverablePageHref } from '../../../views/dashboard/deliverable-page.tsx'
import { auditFor, scopeFor, signedInUser } from '../../dashboard/context.ts'

// The last step of an upload, shared by the form and `/api/v1`: the object is made, then its version
// row is written; if the row cannot be written (an error, or the deliverable gone since the upload
// began) the object is deleted, so the bucket never keeps a file no version points to.

/**
 * The key of a new object: under its project and deliverable (so a prefix lists a deliverable's
 * files), ending in a random id, so an upload never overwrites another, finished or not.
 */
export function objectKeyFor(projectId: string, deliverableId: string): string {
  return `deliverables/${projectId}/${deliverableId}/${crypto.randomUUID()}`
}

/** Leaves nothing of the upload behind, logging (not throwing) when the bucket refuses even that. */
async function discard(c: Context<AppEnv>, received: Received): Promise<void> {
  try {
    await received.upload.abort()
  } catch (error) {
    log(c, 'error', 'deliverable upload could not be removed', { error: String(error) })
  }
}

/** The new version's notification to the company's client users, e-mailed from the public origin. */
function announceVersion(c: Context<AppEnv>): AnnounceVersion {
  const origin = publicOrigin(c)
  return async (tx, version) => {
    await notify(tx, {
      kind: 'version_uploaded',
      companyId: version.companyId,
      actorId: version.actorId,
      link: `${deliverablePageHref(version.projectId, version.deliverableId)}#version-${version.versionNumber}`,
      origin,
      projectId: version.projectId,
      deliverableTitle: version.title,
      versionNumber: version.versionNumber,
    })
  }
}

/** Commits the received file and records it as the next version of `deliverable`. */
export async function storeUpload(
  c: Context<AppEnv>,
  received: Received,
  projectId: string,
  deliverable: { id: string; title: string; isNew: boolean },
): Promise<RecordVersionResult> {
  try {
    const file = await received.upload.commit()
    const result = await recordVersion(
      c.var.db().db,
      scopeFor(c),
      { projectId, deliverable, file, uploadedById: signedInUser(c).id },
      auditFor(c),
      announceVersion(c),
    )
    if (!result.ok) await discard(c, received)
    return result
  } catch (error) {
    await discard(c, received)
    throw error
  }
}
