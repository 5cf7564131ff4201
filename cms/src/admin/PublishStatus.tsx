'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { BuildPill } from './BuildPill.tsx'

import { formatDuration, formatTime, type SiteStatus, useSiteStatus } from './site-status.ts'

/**
 * Each document's place on the public site, in its edit view's sidebar: whether the published
 * version is live yet (since when, with a link), queued or building, or why the build failed. A
 * `ui` field (no data), added to case studies, services and pages by src/fields/publish-status.ts.
 */
export function PublishStatus() {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const query = id
    ? `?collection=${encodeURIComponent(collectionSlug ?? '')}&id=${encodeURIComponent(String(id))}`
    : ''
  const { status, problem } = useSiteStatus(query, lastUpdateTime)
  if (!id) return null
  return (
    <section className="kairo-publish-status" aria-labelledby="kairo-publish-status-heading">
      <h3 id="kairo-publish-status-heading">On the site</h3>
      <div role="status" aria-live="polite">
        {problem ? (
          <p>{problem}</p>
        ) : status?.document ? (
          <DocumentState document={status.document} />
        ) : (
          <p>…</p>
        )}
      </div>
    </section>
  )
}

function DocumentState({ document }: { document: NonNullable<SiteStatus['document']> }) {
  switch (document.state) {
    case 'unpublished':
      return <p>Not published: visitors do not see this document.</p>
    case 'not-built':
      return (
        <p>
          Published {formatTime(document.publishedAt)}; the site has not been rebuilt since (site rebuilds are
          off here, or it was built by hand).
        </p>
      )
    case 'queued':
      return (
        <>
          <p>
            <BuildPill status="queued" /> The site rebuilds in a few seconds.
          </p>
          <PageAhead document={document} />
        </>
      )
    case 'building':
      return (
        <>
          <p>
            <BuildPill status="building" /> since {formatTime(document.build.startedAt)}.
          </p>
          <PageAhead document={document} />
        </>
      )
    case 'failed':
      return (
        <>
          <p>
            <BuildPill status="failed" /> The build at {formatTime(document.build.startedAt)} failed; the site
            still shows the version before.
          </p>
          <PageAhead document={document} />
          <pre className="kairo-build-error">{document.build.error}</pre>
        </>
      )
    case 'live':
      return (
        <p>
          <BuildPill status="live" /> since {formatTime(document.liveAt)} (built in{' '}
          {formatDuration(document.build.durationMs)}).{' '}
          {document.url && (
            <a href={document.url} target="_blank" rel="noopener">
              View on the site
            </a>
          )}
        </p>
      )
  }
}

/**
 * The document's own pages, on the site before its build (the fast publisher, cms/README.md "Site
 * rebuilds"): the build still brings its Open Graph card, search entry and feed.
 */
function PageAhead({ document }: { document: NonNullable<SiteStatus['document']> }) {
  if (!document.pageLiveAt) return null
  return (
    <p>
      Its page is on the site already, since {formatTime(document.pageLiveAt)}; the build adds its card,
      search entry and feed.{' '}
      {document.url && (
        <a href={document.url} target="_blank" rel="noopener">
          View on the site
        </a>
      )}
    </p>
  )
}
