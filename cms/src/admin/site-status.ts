'use client'

import { useEffect, useState } from 'react'

import type { BuildRow, DocumentSiteState } from '../collections/SiteBuilds/document-status.ts'

/** What `GET /api/site-builds/status` answers (src/collections/SiteBuilds/status-endpoint.ts). */
export interface SiteStatus {
  builds: BuildRow[]
  /** `pageLiveAt`: when the fast publisher put the document's pages on the site, before its build. */
  document?: DocumentSiteState & { url?: string; pageLiveAt?: string }
}

const PENDING = new Set(['queued', 'building'])
/** Quick while a build is on its way, slower when all is settled, rarely in a hidden tab. */
const POLL_MS = { pending: 1500, settled: 5000, hidden: 30_000 }

/**
 * Polls the site's build status (and, with `query`, one document's) for an admin component. Each
 * change of `refreshKey` (the document's last save) asks again at once.
 */
export function useSiteStatus(
  query: string,
  refreshKey?: unknown,
): { status?: SiteStatus; problem?: string } {
  const [status, setStatus] = useState<SiteStatus>()
  const [problem, setProblem] = useState<string>()

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only restarts the polling.
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let pending = false
    const poll = async () => {
      try {
        const response = await fetch(`/api/site-builds/status${query}`, {
          credentials: 'include',
          cache: 'no-store',
        })
        const body = (await response.json()) as SiteStatus & { error?: { message: string } }
        if (stopped) return
        if (!response.ok) setProblem(body.error?.message ?? `The CMS answered ${response.status}.`)
        else {
          setStatus(body)
          setProblem(undefined)
          pending = body.builds.some((build) => PENDING.has(build.status))
        }
      } catch {
        if (!stopped) setProblem('The CMS cannot be reached; the status will come back when it can.')
      }
      if (stopped) return
      timer = setTimeout(poll, document.hidden ? POLL_MS.hidden : pending ? POLL_MS.pending : POLL_MS.settled)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [query, refreshKey])

  return { status, problem }
}

/** "12:04:31", or "4 Dec, 12:04" when not today, in the editor's own locale and time zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  const today = date.toDateString() === new Date().toDateString()
  return today
    ? date.toLocaleTimeString()
    : date.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

/** "23 s", "1 min 5 s". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return ''
  const seconds = Math.round(ms / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
