import {
  companies,
  type Database,
  deliverableComments,
  deliverableVersions,
  projectDeliverables,
  projects,
  type ReviewState,
  type UserRole,
  users,
} from '@kairo/db'
import { and, eq, or, type SQL, sql } from 'drizzle-orm'
import { isoTime, queueWebhookEvent } from '../webhooks/outgoing/events.ts'
import { type ActorRole, excerpt, recordActivity } from './activity.ts'
import type { Decision, NotifyReviewStep, ReviewActor, ReviewStep, ReviewTarget } from './reviews.ts'
import { type AuditWriter, isUuid, outerColumn } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// The review loop's steps: the client's decision on the current version, and a comment (the
// studio's may be internal). Each writes the comment, the version's state (a decision), the activity
// feed, the audit log and the notification (`NotifyReviewStep`) in one transaction.

type NotFound = { ok: false; reason: 'not_found' }
const notFound: NotFound = { ok: false, reason: 'not_found' }

/** What {@link decideVersion} did, or why it changed nothing. */
export type DecideResult =
  | { ok: true; step: ReviewStep }
  | NotFound
  /** The version is not the newest: only the current version can be decided. */
  | { ok: false; reason: 'not_current'; number: number; current: number }
  /** The version was decided already (twice, or by someone else of the company). */
  | { ok: false; reason: 'already_decided'; number: number; state: Exclude<ReviewState, 'waiting'> }

/** What {@link addComment} did. */
export type CommentResult =
  | { ok: true; step: ReviewStep }
  | NotFound
  | { ok: false; reason: 'invalid'; fields: Record<string, string> }

const AUDIT_ACTIONS = {
  'version.approved': 'review.approved',
  'version.changes_requested': 'review.changes_requested',
  'comment.added': 'review.commented',
} as const

const actorRole = (role: UserRole): ActorRole => (role === 'client' ? 'client' : 'studio')

/** The company of the outer `project_deliverables` row (a subquery, so a locking read has one table). */
const deliverableCompany = sql<string>`(select p.company_id from ${projects} p
  where p.id = ${outerColumn('project_deliverables', 'project_id')})`

/** The deliverable of the target, in scope, locked for the transaction when `lock` says how. */
async function findDeliverable(tx: Database, scope: Scope, target: ReviewTarget, lock: 'update' | null) {
  const query = tx
    .select({ title: projectDeliverables.title, companyId: deliverableCompany })
    .from(projectDeliverables)
    .where(
      and(
        eq(projectDeliverables.id, target.deliverableId),
        eq(projectDeliverables.projectId, target.projectId),
        inScope(scope, deliverableCompany),
      ),
    )
  const [row] = lock ? await query.for(lock) : await query
  return row ?? null
}

/**
 * The `data` of a decision's outgoing webhook: who decided what on which version, with the names a
 * receiver shows (read by subqueries of the same statement). Never more than the client's own
 * thread shows: no internal comment, no file link.
 */
function decisionData(d: {
  companyId: string
  target: ReviewTarget
  title: string
  version: { id: string; number: number }
  actorId: string
  decision: Decision
  comment: string
  url: string
}): SQL {
  return sql`jsonb_build_object(
    'decision', ${d.decision}::text,
    'comment', nullif(${d.comment}::text, ''),
    'decidedAt', ${isoTime(sql`cm.created_at`)},
    'company', (select jsonb_build_object('id', c.id, 'name', c.name) from ${companies} c
      where c.id = ${d.companyId}),
    'project', (select jsonb_build_object('id', p.id, 'name', p.name) from ${projects} p
      where p.id = ${d.target.projectId}),
    'deliverable', jsonb_build_object('id', ${d.target.deliverableId}::uuid, 'title', ${d.title}::text),
    'version', jsonb_build_object('id', ${d.version.id}::uuid, 'number', ${d.version.number}::int),
    'decidedBy', (select jsonb_build_object('id', u.id, 'name', u.name, 'email', u.email) from ${users} u
      where u.id = ${d.actorId}),
    'url', ${d.url}::text)`
}

const validTarget = (t: ReviewTarget) => isUuid(t.projectId) && isUuid(t.deliverableId) && isUuid(t.versionId)

/** Writes the step's feed entry and audit entry in the caller's transaction. */
async function recordStep(tx: Database, step: ReviewStep, audit: AuditWriter): Promise<void> {
  await recordActivity(tx, {
    companyId: step.companyId,
    projectId: step.projectId,
    actorId: step.actorId,
    kind: step.kind,
    subjectId: step.kind === 'comment.added' ? step.commentId : step.versionId,
    details: {
      deliverableId: step.deliverableId,
      // `title`, as the upload's event names it, so the feed reads every deliverable event alike.
      title: step.deliverableTitle,
      version: step.versionNumber,
      excerpt: step.excerpt,
      internal: step.internal,
    },
    clientVisible: !step.internal,
  })
  // The audit keeps who did what to which version; the comment's words stay in the thread.
  await audit(
    {
      action: AUDIT_ACTIONS[step.kind],
      companyId: step.companyId,
      targetType: 'deliverable_version',
      targetId: step.versionId,
      details: {
        projectId: step.projectId,
        deliverableId: step.deliverableId,
        version: step.versionNumber,
        commentId: step.commentId,
        internal: step.internal,
      },
    },
    tx,
  )
}

/**
 * The client's decision on the newest version of a deliverable: sets the version's review state,
 * adds the decision to its thread (with the comment, which a change request must have: the caller
 * validates that), and writes the feed, the audit, the notification and the outgoing webhook
 * (`deliverable.approved` / `deliverable.changes_requested`), in one transaction. Clients
 * only (a studio scope is not found: the studio cannot decide for its client). An older version, or
 * one already decided, changes nothing and says why.
 */
export async function decideVersion(
  db: Database,
  scope: Scope,
  actor: ReviewActor,
  target: ReviewTarget,
  input: { decision: Decision; comment: string },
  audit: AuditWriter,
  notify: NotifyReviewStep,
  /** The version's page, absolute, for the outgoing webhook's `url` (the route knows the origin). */
  reviewUrl: (versionNumber: number) => string,
): Promise<DecideResult> {
  if (scope.kind !== 'company' || actor.role !== 'client' || !validTarget(target)) return notFound
  return db.transaction(async (tx): Promise<DecideResult> => {
    // Locking the deliverable queues this decision behind another on it, and behind a new version
    // being added (its foreign key check takes a key-share lock, which waits for this one).
    const deliverable = await findDeliverable(tx, scope, target, 'update')
    if (!deliverable) return notFound
    // Read after the lock: its snapshot sees what a decision that held the lock before committed.
    const rows = await tx
      .select({
        id: deliverableVersions.id,
        number: deliverableVersions.number,
        reviewState: deliverableVersions.reviewState,
      })
      .from(deliverableVersions)
      .where(
        and(
          eq(deliverableVersions.deliverableId, target.deliverableId),
          or(
            eq(deliverableVersions.id, target.versionId),
            sql`${deliverableVersions.number} = (select max(n.number) from ${deliverableVersions} n
              where n.deliverable_id = ${target.deliverableId})`,
          ),
        ),
      )
    const version = rows.find((v) => v.id === target.versionId)
    const newest = rows.reduce<(typeof rows)[number] | undefined>(
      (top, v) => (top && top.number > v.number ? top : v),
      undefined,
    )
    if (!version || !newest) return notFound
    if (version.id !== newest.id) {
      return { ok: false, reason: 'not_current', number: version.number, current: newest.number }
    }
    if (version.reviewState !== 'waiting') {
      return { ok: false, reason: 'already_decided', number: version.number, state: version.reviewState }
    }
    await tx
      .update(deliverableVersions)
      .set({ reviewState: input.decision, reviewedById: actor.id, reviewedAt: sql`now()` })
      .where(eq(deliverableVersions.id, version.id))
    // The decision's comment and its outgoing webhook in one statement (a CTE over the inserted row).
    const [comment] = await tx.execute<{ id: string }>(sql`
      with comment as (
        insert into ${deliverableComments} (version_id, author_id, kind, body)
        values (${version.id}, ${actor.id},
          ${input.decision === 'approved' ? 'approval' : 'changes_requested'}::app.comment_kind, ${input.comment})
        returning id, created_at
      ),
      hooks as (${queueWebhookEvent({
        type: input.decision === 'approved' ? 'deliverable.approved' : 'deliverable.changes_requested',
        eventId: crypto.randomUUID(),
        from: sql`comment cm`,
        data: decisionData({
          companyId: deliverable.companyId,
          target,
          title: deliverable.title,
          version,
          actorId: actor.id,
          decision: input.decision,
          comment: input.comment,
          url: reviewUrl(version.number),
        }),
      })})
      select id from comment`)
    if (!comment) throw new Error('reviews: the decision insert returned no row')
    const step: ReviewStep = {
      kind: input.decision === 'approved' ? 'version.approved' : 'version.changes_requested',
      companyId: deliverable.companyId,
      projectId: target.projectId,
      deliverableId: target.deliverableId,
      deliverableTitle: deliverable.title,
      versionId: version.id,
      versionNumber: version.number,
      commentId: comment.id,
      actorId: actor.id,
      actorRole: 'client',
      internal: false,
      excerpt: excerpt(input.comment),
    }
    await recordStep(tx, step, audit)
    await notify(tx, step)
    return { ok: true, step }
  })
}

/**
 * A comment on a version (any version of the deliverable: the conversation may go back to an older
 * one) by anyone in scope; `internal` (hidden from the client, in the feed too) only from the studio.
 * The comment, the feed, the audit and the notification in one transaction.
 */
export async function addComment(
  db: Database,
  scope: Scope,
  actor: ReviewActor,
  target: ReviewTarget,
  input: { body: string; internal: boolean },
  audit: AuditWriter,
  notify: NotifyReviewStep,
): Promise<CommentResult> {
  if (!validTarget(target)) return notFound
  const role = actorRole(actor.role)
  return db.transaction(async (tx): Promise<CommentResult> => {
    const deliverable = await findDeliverable(tx, scope, target, null)
    if (!deliverable) return notFound
    // A key-share lock keeps the version from being deleted before the comment's insert.
    const [version] = await tx
      .select({ number: deliverableVersions.number })
      .from(deliverableVersions)
      .where(
        and(
          eq(deliverableVersions.id, target.versionId),
          eq(deliverableVersions.deliverableId, target.deliverableId),
        ),
      )
      .for('key share')
    if (!version) return notFound
    // Checked after the scope, so a client probing another company's ids learns nothing from it.
    if (input.internal && role !== 'studio') {
      return {
        ok: false,
        reason: 'invalid',
        fields: { internal: 'Only the studio can mark a comment internal' },
      }
    }
    const [comment] = await tx
      .insert(deliverableComments)
      .values({ versionId: target.versionId, authorId: actor.id, body: input.body, internal: input.internal })
      .returning({ id: deliverableComments.id })
    if (!comment) throw new Error('reviews: the comment insert returned no row')
    const step: ReviewStep = {
      kind: 'comment.added',
      companyId: deliverable.companyId,
      projectId: target.projectId,
      deliverableId: target.deliverableId,
      deliverableTitle: deliverable.title,
      versionId: target.versionId,
      versionNumber: version.number,
      commentId: comment.id,
      actorId: actor.id,
      actorRole: role,
      internal: input.internal,
      excerpt: excerpt(input.body),
    }
    await recordStep(tx, step, audit)
    await notify(tx, step)
    return { ok: true, step }
  })
}
