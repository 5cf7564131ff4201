import {
  type CommentKind,
  type Database,
  deliverableComments,
  deliverableVersions,
  projectDeliverables,
  projects,
  type ReviewState,
  type UserRole,
  users,
} from '@kairo/db'
import { eq, type SQL, sql } from 'drizzle-orm'
import type { ActorRole } from './activity.ts'
import { jsonDate } from './dates.ts'
import { deliverableOfProject } from './deliverables.ts'
import { isUuid, outerColumn } from './rows.ts'
import type { Scope } from './scope.ts'

// The review loop on a deliverable's versions: the client approves the newest version or requests
// changes (with a comment), anyone in the project's company comments, and the studio may mark its
// comments internal. This file has what the loop is made of and its reads (the threads, in one
// statement or as a column of another); the steps, each one transaction with its feed entry, audit
// entry and notification, are in `review-steps.ts`.

/** One comment of a version's thread; `kind` says whether it carries a decision. */
export interface ReviewComment {
  id: string
  kind: CommentKind
  body: string
  internal: boolean
  createdAt: Date
  authorName: string | null
  authorRole: ActorRole | null
}

/** A version with where it stands and its thread (oldest comment first). */
export interface VersionReview {
  id: string
  number: number
  fileName: string
  uploadedAt: Date
  reviewState: ReviewState
  reviewedAt: Date | null
  reviewedByName: string | null
  comments: ReviewComment[]
}

/** A deliverable's versions (newest, the current one, first) with their threads. */
export interface DeliverableReview {
  deliverableId: string
  title: string
  projectId: string
  projectName: string
  companyId: string
  versions: VersionReview[]
}

/** The client's decision on a version. */
export type Decision = 'approved' | 'changes_requested'

/** The version a step is about, by the ids of its URL (all three must belong together). */
export interface ReviewTarget {
  projectId: string
  deliverableId: string
  versionId: string
}

/** Who takes a step (the signed-in user). */
export interface ReviewActor {
  id: string
  role: UserRole
}

/** A committed step, as the notifier gets it (never more than the feed shows). */
export interface ReviewStep {
  kind: 'version.approved' | 'version.changes_requested' | 'comment.added'
  companyId: string
  projectId: string
  deliverableId: string
  deliverableTitle: string
  versionId: string
  versionNumber: number
  commentId: string
  actorId: string
  actorRole: ActorRole
  /** Only a studio comment can be internal; the client must not be told of one. */
  internal: boolean
  /** The comment shortened for a line of text; null for an approval without one. */
  excerpt: string | null
}

/**
 * Tells the other side of a step (the route binds `notify` of `src/notifications/` with the request's
 * origin and the review's link). Called with the step's transaction, after its writes, so a mail or
 * a notification row exists exactly when the step committed.
 */
export type NotifyReviewStep = (tx: Database, step: ReviewStep) => Promise<void>

/** A version's review as the json of {@link versionReviewsJson} carries it (dates as ISO strings). */
export type VersionReviewJson = Omit<VersionReview, 'uploadedAt' | 'reviewedAt' | 'comments'> & {
  uploadedAt: string
  reviewedAt: string | null
  comments: Array<Omit<ReviewComment, 'createdAt'> & { createdAt: string }>
}

const roleOf = (alias: string) =>
  sql.raw(
    `case when ${alias}.role is null then null when ${alias}.role = 'client' then 'client' else 'studio' end`,
  )

/**
 * The json array of a deliverable's versions (newest first), each with its review and its thread
 * (oldest comment first), as a subquery correlated with `deliverableId` (a column of the outer
 * statement), so a page that already reads the deliverable gets the threads in the same statement.
 * The caller's statement must carry the scope's condition; this one filters what the reader may see
 * of it: a client never gets the studio's internal comments (filtered here, not after).
 */
export function versionReviewsJson(scope: Scope, deliverableId: SQL): SQL<VersionReviewJson[]> {
  const visible = scope.kind === 'all' ? sql`true` : sql`not cm.internal`
  return sql<VersionReviewJson[]>`coalesce((
    select json_agg(json_build_object('id', v.id, 'number', v.number, 'fileName', v.file_name,
      'uploadedAt', v.uploaded_at, 'reviewState', v.review_state, 'reviewedAt', v.reviewed_at,
      'reviewedByName', reviewer.name,
      'comments', coalesce((
        select json_agg(json_build_object('id', cm.id, 'kind', cm.kind, 'body', cm.body,
          'internal', cm.internal, 'createdAt', cm.created_at, 'authorName', author.name,
          'authorRole', ${roleOf('author')}) order by cm.created_at, cm.id)
        from ${deliverableComments} cm left join ${users} author on author.id = cm.author_id
        where cm.version_id = v.id and ${visible}
      ), '[]'::json)) order by v.number desc)
    from ${deliverableVersions} v left join ${users} reviewer on reviewer.id = v.reviewed_by_id
    where v.deliverable_id = ${deliverableId}
  ), '[]'::json)`
}

/** The versions of {@link versionReviewsJson}, with their dates. */
export function toVersionReviews(json: VersionReviewJson[]): VersionReview[] {
  return json.map((v) => ({
    ...v,
    uploadedAt: new Date(v.uploadedAt),
    reviewedAt: jsonDate(v.reviewedAt),
    comments: v.comments.map((cm) => ({ ...cm, createdAt: new Date(cm.createdAt) })),
  }))
}

/**
 * A deliverable of a project in scope with every version and its thread, in ONE statement (json
 * subqueries); null when absent, out of scope or not of that project.
 */
export async function getDeliverableReview(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
): Promise<DeliverableReview | null> {
  if (!isUuid(projectId) || !isUuid(deliverableId)) return null
  const [row] = await db
    .select({
      deliverableId: projectDeliverables.id,
      title: projectDeliverables.title,
      projectId: projects.id,
      projectName: projects.name,
      companyId: projects.companyId,
      versions: versionReviewsJson(scope, outerColumn('project_deliverables', 'id')),
    })
    .from(projectDeliverables)
    .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
    .where(deliverableOfProject(scope, projectId, deliverableId))
  if (!row) return null
  return { ...row, versions: toVersionReviews(row.versions) }
}
