'use client'

import { BuildPill } from './BuildPill.tsx'
import { formatDuration, formatTime, useSiteStatus } from './site-status.ts'

/**
 * The site's build state on the admin's dashboard: the latest build (queued, building, live or
 * failed, with what changed, its duration and the start of its error) and the few before it.
 */
export function SiteBuildsPanel() {
  const { status, problem } = useSiteStatus('')
  const [latest, ...earlier] = status?.builds ?? []
  return (
    <section className="kairo-site-builds" aria-labelledby="kairo-site-builds-heading">
      <h2 id="kairo-site-builds-heading">The public site</h2>
      <div role="status" aria-live="polite">
        {problem && <p>{problem}</p>}
        {!problem && status && !latest && <p>No build yet: publishing a change rebuilds the site.</p>}
        {latest && (
          <>
            <p>
              <BuildPill status={latest.status} />{' '}
              {latest.status === 'queued' && <>Queued {formatTime(latest.queuedAt)}: </>}
              {latest.status === 'building' && <>Building since {formatTime(latest.startedAt)}: </>}
              {latest.status === 'live' && (
                <>
                  Live since {formatTime(latest.finishedAt)}, built in {formatDuration(latest.durationMs)}:{' '}
                </>
              )}
              {latest.status === 'failed' && (
                <>
                  Failed at {formatTime(latest.finishedAt)} after {formatDuration(latest.durationMs)}; the
                  site still shows the last good build:{' '}
                </>
              )}
              {latest.summary}
            </p>
            {latest.status === 'failed' && latest.error && (
              <pre className="kairo-build-error">{latest.error}</pre>
            )}
          </>
        )}
      </div>
      {earlier.length > 0 && (
        <ul className="kairo-site-builds__earlier">
          {earlier.map((build) => (
            <li key={build.id}>
              <BuildPill status={build.status} /> {formatTime(build.queuedAt)} · {build.summary}
              {build.durationMs ? ` · ${formatDuration(build.durationMs)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/admin/collections/site-builds">Every build</a>
      </p>
    </section>
  )
}
