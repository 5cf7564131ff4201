import type { BuildStatus } from './index.ts'

/** One row of `site-builds`, as the status logic reads it. */
export interface BuildRow {
  id: number | string
  status: BuildStatus
  summary: string
  queuedAt: string
  startedAt?: string | null
  finishedAt?: string | null
  durationMs?: number | null
  error?: string | null
}

/**
 * Where a document's current published version stands on the public site:
 * - `live`: a build that started after it was published went live (`liveAt`);
 * - `building` / `queued`: the build that will carry it is running, or waiting;
 * - `failed`: every build since failed (`build.error` says why); the site shows the version before;
 * - `not-built`: no build has run since (site rebuilds are off, or it was built by hand);
 * - `unpublished`: only a draft exists, so the site does not show it.
 */
export type DocumentSiteState =
  | { state: 'unpublished' }
  | { state: 'not-built'; publishedAt: string }
  | { state: 'live'; publishedAt: string; liveAt: string; build: BuildRow }
  | { state: 'building' | 'queued' | 'failed'; publishedAt: string; build: BuildRow }

/**
 * Decides the state from the published version's save time and the builds queued or started since
 * (`builds`, oldest first). A build reads the CMS when it starts, so it carries every version saved
 * before its start; a later failure does not undo an earlier build that went live.
 */
export function documentSiteState(
  publishedAt: string | undefined,
  builds: readonly BuildRow[],
): DocumentSiteState {
  if (!publishedAt) return { state: 'unpublished' }
  const published = Date.parse(publishedAt)
  const since = builds.filter((build) => build.startedAt && Date.parse(build.startedAt) >= published)
  const live = since.find((build) => build.status === 'live')
  if (live)
    return {
      state: 'live',
      publishedAt,
      liveAt: live.finishedAt ?? live.startedAt ?? publishedAt,
      build: live,
    }
  const running = since.find((build) => build.status === 'building')
  if (running) return { state: 'building', publishedAt, build: running }
  const queued = builds.find((build) => build.status === 'queued')
  if (queued) return { state: 'queued', publishedAt, build: queued }
  const failed = since.findLast((build) => build.status === 'failed')
  if (failed) return { state: 'failed', publishedAt, build: failed }
  return { state: 'not-built', publishedAt }
}
