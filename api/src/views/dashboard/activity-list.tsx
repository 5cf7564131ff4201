import type { ActivityEntry } from '../../data/activity.ts'
import { Badge } from '../kit/badge.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { reviewHref } from './review-panel.tsx'

// The activity feed's entries in words ("Ana (client) requested changes to version 2 of “Poster
// set”: “The logo…”"), each linking to the review it is about. The rows were filtered for the
// reader by the statement that loaded them; a studio reader also sees which ones the client does not.

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

/** One event in words, for a list item (the overview's, the project page's). */
export function ActivityEventText({ entry, showProject }: { entry: ActivityEntry; showProject: boolean }) {
  const actor = entry.actorName
    ? `${entry.actorName}${entry.actorRole ? ` (${entry.actorRole})` : ''}`
    : 'Someone'
  const title = str(entry.details.title)
  const deliverableId = str(entry.details.deliverableId)
  const version = typeof entry.details.version === 'number' ? entry.details.version : null
  const quote = str(entry.details.excerpt)
  const subject =
    title === null ? null : (
      <>
        {version !== null && `version ${version} of `}
        {entry.projectId && deliverableId ? (
          <a href={reviewHref(entry.projectId, deliverableId)}>“{title}”</a>
        ) : (
          `“${title}”`
        )}
      </>
    )
  return (
    <>
      {actor} {verbOf(entry.kind)} {subject}
      {quote && <>: “{quote}”</>}
      {showProject && entry.projectId && entry.projectName && (
        <>
          {' '}
          (<a href={`/dashboard/projects/${entry.projectId}`}>{entry.projectName}</a>)
        </>
      )}
      {!entry.clientVisible && (
        <>
          {' '}
          <Badge text="Internal" tone="neutral" />
        </>
      )}
    </>
  )
}

function verbOf(kind: string): string {
  switch (kind) {
    case 'version.uploaded':
      return 'uploaded'
    case 'version.approved':
      return 'approved'
    case 'version.changes_requested':
      return 'requested changes to'
    case 'comment.added':
      return 'commented on'
    default:
      // A kind this page does not know yet (a newer writer): its name still says what happened.
      return `did ${kind} on`
  }
}

/** Props of {@link ActivityList}. */
export interface ActivityListProps {
  entries: readonly ActivityEntry[]
  /** Name each entry's project (the overview); the project page leaves it out. */
  showProject?: boolean
  empty?: string
}

/** The feed as an ordered list, newest first. */
export function ActivityList({
  entries,
  showProject = false,
  empty = 'Nothing has happened yet.',
}: ActivityListProps) {
  if (entries.length === 0) return <p class="empty">{empty}</p>
  return (
    <ol class="activity">
      {entries.map((entry) => (
        <li>
          <DateTime value={entry.at} /> <ActivityEventText entry={entry} showProject={showProject} />
        </li>
      ))}
    </ol>
  )
}
