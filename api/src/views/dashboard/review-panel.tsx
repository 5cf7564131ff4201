import type { ReviewState } from '@kairo/db'
import type { ActorRole } from '../../data/activity.ts'
import type { ReviewComment, VersionReview } from '../../data/reviews.ts'
import { COMMENT_FIELDS, COMMENT_MAX, DECISION_FIELDS } from '../../routes/dashboard/review-schema.ts'
import { Badge, type BadgeProps } from '../kit/badge.tsx'
import { DateTime } from '../kit/date-time.tsx'
import { ErrorSummary } from '../kit/error-summary.tsx'
import type { FailedForm } from '../kit/failed-form.ts'
import { TextAreaField } from '../kit/field.tsx'
import { Paragraphs } from '../kit/paragraphs.tsx'
import { deliverablePageHref } from './deliverable-page.tsx'

// The review of a deliverable: per version (the current one first) its state and its thread, oldest
// comment first; under the current version the client's decision form (while it waits for one) and
// the comment form, with the studio's "internal" box. Plain POST forms: no script needed, one Tab
// stop per control, the two decisions as two submit buttons of one form.

/** Where a deliverable's review is shown (and where its forms come back to). */
export function reviewHref(projectId: string, deliverableId: string): string {
  return deliverablePageHref(projectId, deliverableId)
}

/** Where a version's decision (`decision`) or a comment (`comments`) is posted. */
export function versionActionHref(
  projectId: string,
  deliverableId: string,
  versionId: string,
  action: 'decision' | 'comments',
): string {
  return `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions/${versionId}/${action}`
}

/** What waits for whom, from the current version's state (the project page's column and summary). */
export const WAITS_FOR: Record<ReviewState, BadgeProps> = {
  waiting: { text: 'Waiting for the client', tone: 'active' },
  changes_requested: { text: 'Waiting for the studio', tone: 'warn' },
  approved: { text: 'Approved', tone: 'good' },
}

/**
 * What waits for whom across a project's deliverables, phrased for the reader ("2 waiting for you ·
 * 1 waiting for the studio"); nothing when there is no deliverable.
 */
export function WaitingSummary({ states, viewer }: { states: readonly ReviewState[]; viewer: ActorRole }) {
  if (states.length === 0) return null
  const count = (state: ReviewState) => states.filter((s) => s === state).length
  const forClient = count('waiting')
  const forStudio = count('changes_requested')
  const [mine, theirs, other] =
    viewer === 'client' ? [forClient, forStudio, 'the studio'] : [forStudio, forClient, 'the client']
  const parts = [
    mine === 0 ? 'Nothing waiting for you' : `${mine} waiting for you`,
    ...(theirs > 0 ? [`${theirs} waiting for ${other}`] : []),
    ...(count('approved') > 0 ? [`${count('approved')} approved`] : []),
  ]
  return (
    <p class="lede" id="waiting-summary">
      <strong>Deliverables:</strong> {parts.join(' · ')}
    </p>
  )
}

/** An older version's outcome: a new version ended whatever was still open on it. */
const PAST_STATE: Record<ReviewState, BadgeProps> = {
  waiting: { text: 'Not decided', tone: 'neutral' },
  changes_requested: { text: 'Changes requested', tone: 'warn' },
  approved: { text: 'Approved', tone: 'good' },
}

const DECISION_BADGE: Partial<Record<ReviewComment['kind'], BadgeProps>> = {
  approval: { text: 'Approved', tone: 'good' },
  changes_requested: { text: 'Changes requested', tone: 'warn' },
}

/** Props of {@link ReviewPanel}. */
export interface ReviewPanelProps {
  projectId: string
  deliverableId: string
  /** The deliverable's versions, newest (the current one) first, with their threads. */
  versions: readonly VersionReview[]
  /** The client decides and never sees internal comments; the studio may mark its comments internal. */
  viewer: ActorRole
  /** The decision or comment form that failed validation (422), with its messages and input. */
  failed?: FailedForm<'decision' | 'comment'>
}

/** The versions' threads and the forms under the current one. */
export function ReviewPanel(props: ReviewPanelProps) {
  const { versions } = props
  const [current] = versions
  return (
    <section class="dash-section" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      {versions.length === 0 && <p class="empty">No version has been uploaded yet.</p>}
      {versions.map((version) => (
        <VersionThread {...props} version={version} current={version === current} />
      ))}
    </section>
  )
}

function VersionThread({
  projectId,
  deliverableId,
  version,
  current,
  viewer,
  failed,
}: ReviewPanelProps & { version: VersionReview; current: boolean }) {
  const action = (to: 'decision' | 'comments') => versionActionHref(projectId, deliverableId, version.id, to)
  const headingId = `version-${version.number}`
  const state = current ? WAITS_FOR[version.reviewState] : PAST_STATE[version.reviewState]
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        Version {version.number}
        {current && ' (current)'}
      </h3>
      <p>
        <Badge {...state} /> <span class="muted">{version.fileName}, uploaded</span>{' '}
        <DateTime value={version.uploadedAt} />
      </p>
      {version.comments.length === 0 ? (
        <p class="empty">No comments on this version yet.</p>
      ) : (
        <ol class="activity" aria-label={`Comments on version ${version.number}, oldest first`}>
          {version.comments.map((comment) => (
            <CommentItem comment={comment} />
          ))}
        </ol>
      )}
      {current && viewer === 'client' && version.reviewState === 'waiting' && (
        <DecisionForm
          action={action('decision')}
          version={version}
          failed={failed?.form === 'decision' ? failed : undefined}
        />
      )}
      {current && (
        <CommentForm
          action={action('comments')}
          version={version}
          viewer={viewer}
          failed={failed?.form === 'comment' ? failed : undefined}
        />
      )}
    </section>
  )
}

function CommentItem({ comment }: { comment: ReviewComment }) {
  const decision = DECISION_BADGE[comment.kind]
  return (
    <li>
      <p>
        <strong>{comment.authorName ?? 'A former user'}</strong>
        {comment.authorRole && <span class="muted"> ({comment.authorRole})</span>}{' '}
        <DateTime value={comment.createdAt} />
        {decision && (
          <>
            {' '}
            <Badge {...decision} />
          </>
        )}
        {comment.internal && (
          <>
            {' '}
            <Badge text="Internal" tone="neutral" />
          </>
        )}
      </p>
      {comment.body && <Paragraphs text={comment.body} />}
    </li>
  )
}

interface FormProps {
  /** Where the form posts. */
  action: string
  version: VersionReview
  failed?: FailedForm<'decision' | 'comment'>
}

function DecisionForm({ action, version, failed }: FormProps) {
  const errors = failed?.errors ?? {}
  return (
    <>
      <h4 id="decision-heading">Your decision on version {version.number}</h4>
      <ErrorSummary form="decision" errors={errors} order={DECISION_FIELDS} />
      <form class="contact-form" method="post" action={action}>
        <TextAreaField
          form="decision"
          name="comment"
          label="Comment"
          hint="Required when you request changes: say what should change. Optional when you approve."
          required={false}
          maxlength={COMMENT_MAX}
          value={failed?.values.comment}
          error={errors.comment}
        />
        <div class="actions">
          <button class="button" type="submit" name="decision" value="approved">
            Approve
          </button>
          <button class="button button--quiet" type="submit" name="decision" value="changes_requested">
            Request changes
          </button>
        </div>
      </form>
    </>
  )
}

function CommentForm({ action, version, viewer, failed }: FormProps & { viewer: ActorRole }) {
  const errors = failed?.errors ?? {}
  const values = failed?.values ?? {}
  return (
    <>
      <h4 id="comment-heading">Comment on version {version.number}</h4>
      {/* A client has no "internal" box: a message about it is listed as text, not as a link. */}
      <ErrorSummary form="comment" errors={errors} order={viewer === 'studio' ? COMMENT_FIELDS : ['body']} />
      <form class="contact-form" method="post" action={action}>
        <TextAreaField
          form="comment"
          name="body"
          label="Comment"
          maxlength={COMMENT_MAX}
          value={values.body}
          error={errors.body}
        />
        {viewer === 'studio' && (
          <p>
            <label for="comment-internal">
              <input
                id="comment-internal"
                type="checkbox"
                name="internal"
                value="on"
                checked={values.internal === 'on'}
              />{' '}
              Internal (the client won't see it)
            </label>
          </p>
        )}
        <button class="button" type="submit">
          Add comment
        </button>
      </form>
    </>
  )
}
