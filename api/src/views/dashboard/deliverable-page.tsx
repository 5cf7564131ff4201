import type { ReviewState } from '@kairo/db'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { DeliverableHistory } from '../../data/deliverables.ts'
import type { AppEnv } from '../../env.ts'
import { deliverableMaxBytes } from '../../upload/limits.ts'
import { typeLabel } from '../../upload/sniff.ts'
import type { BadgeProps } from '../kit/badge.tsx'
import { Badge } from '../kit/badge.tsx'
import { DataTable } from '../kit/data-table.tsx'
import { DateTime } from '../kit/date-time.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import type { Flash } from './flash.ts'
import { formatBytes } from './format.ts'
import { DashboardLayout } from './layout.tsx'
import { ModelPreview } from './model-preview.tsx'
import { NewVersionForm } from './upload-form.tsx'

/** The page of a deliverable: its history of versions. */
export const deliverablePageHref = (projectId: string, deliverableId: string) =>
  `/dashboard/projects/${projectId}/deliverables/${deliverableId}`

/** The download of one version (the Worker streams it from R2 after checking scope and checksum). */
export const versionDownloadHref = (projectId: string, deliverableId: string, number: number) =>
  `${deliverablePageHref(projectId, deliverableId)}/versions/${number}/download`

/** Where a version stands with the client, in words. */
export const REVIEW_STATE: Record<ReviewState, BadgeProps> = {
  waiting: { text: 'Waiting for review', tone: 'neutral' },
  approved: { text: 'Approved', tone: 'good' },
  changes_requested: { text: 'Changes requested', tone: 'warn' },
}

/** Props of {@link DeliverablePage}. */
export interface DeliverablePageProps {
  c: Context<AppEnv>
  deliverable: DeliverableHistory
  /** Studio staff: the company's name and the form for a new version. Clients read the history. */
  manage: boolean
  /** The upload limit the form states; by default `DELIVERABLE_MAX_BYTES` from `c.env`. */
  maxBytes?: number
  /** The new-version form that was refused (413/422), with its message. */
  failed?: FailedForm<'version'>
  flash?: Flash
  /** What follows the versions (the review section), rendered after the list and the upload form. */
  children?: Child
}

/**
 * `/dashboard/projects/<id>/deliverables/<deliverableId>`: every version of a deliverable (number,
 * file, type, size, who uploaded it and when, its review state) with a download per version; the
 * studio's form for the next version; then `children`.
 */
export function DeliverablePage({
  c,
  deliverable,
  manage,
  maxBytes,
  failed,
  flash,
  children,
}: DeliverablePageProps) {
  const { projectId, id, versions } = deliverable
  const current = versions[0]
  return (
    <DashboardLayout c={c} title={deliverable.title} active="projects" flash={flash}>
      <p>
        <a href={`/dashboard/projects/${projectId}`}>Back to {deliverable.projectName}</a>
      </p>
      <dl class="meta">
        <dt>Project</dt>
        <dd>{deliverable.projectName}</dd>
        {manage && (
          <>
            <dt>Company</dt>
            <dd>{deliverable.companyName}</dd>
          </>
        )}
        <dt>Current version</dt>
        <dd>{current ? `Version ${current.number}` : 'None yet'}</dd>
        <dt>Created</dt>
        <dd>
          <DateTime value={deliverable.createdAt} />
        </dd>
      </dl>
      {current && current.viewerStatus !== 'none' && (
        <ModelPreview
          projectId={projectId}
          deliverableId={id}
          title={deliverable.title}
          version={current}
          downloadHref={versionDownloadHref(projectId, id, current.number)}
          nonce={c.var.secureHeadersNonce}
        />
      )}

      <section class="dash-section" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        <DataTable
          empty="No file uploaded yet."
          caption="Every version, newest first; each file name downloads that version"
          head={
            <>
              <th scope="col">Version</th>
              <th scope="col">File</th>
              <th scope="col">Type</th>
              <th scope="col" class="num">
                Size
              </th>
              <th scope="col">Uploaded by</th>
              <th scope="col">Uploaded</th>
              <th scope="col">Review</th>
            </>
          }
        >
          {versions.map((version) => (
            <tr>
              <th scope="row">Version {version.number}</th>
              <td>
                <a href={versionDownloadHref(projectId, id, version.number)} download>
                  <span class="visually-hidden">Download version {version.number}: </span>
                  {version.fileName}
                </a>
              </td>
              <td>{typeLabel(version.contentType)}</td>
              <td class="num">{formatBytes(version.bytes)}</td>
              <td>{version.uploadedByName ?? <span class="muted">A former account</span>}</td>
              <td>
                <DateTime value={version.uploadedAt} />
              </td>
              <td>
                <Badge {...REVIEW_STATE[version.reviewState]} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      {manage && (
        <NewVersionForm
          projectId={projectId}
          deliverableId={id}
          nextNumber={(current?.number ?? 0) + 1}
          maxBytes={maxBytes ?? deliverableMaxBytes(c.env)}
          failed={failed}
        />
      )}
      {children}
    </DashboardLayout>
  )
}
