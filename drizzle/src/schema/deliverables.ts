import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { projects } from './projects.ts'
import { users } from './users.ts'

/**
 * Something the studio delivers for a project (a brand book, a product model): a title that keeps
 * its history of files. Each upload is a new row in `deliverable_versions`; the newest is current.
 */
export const projectDeliverables = app.table(
  'project_deliverables',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_deliverables_project_id_idx').on(t.projectId, t.createdAt.desc())],
)

/**
 * Where a version stands with the client: `waiting` for a decision, `approved`, or
 * `changes_requested` (the studio's turn: a reply, then a new version).
 */
export const reviewState = app.enum('review_state', ['waiting', 'approved', 'changes_requested'])

/**
 * Whether a version can be viewed in 3D: `none` for a file that is not a model; a `.glb`/`.gltf`
 * goes `queued` → `processing` → `ready` (LODs, poster and manifest under `viewerPrefix`) or
 * `failed` (`viewerError` says why; the file stays downloadable).
 */
export const viewerStatus = app.enum('viewer_status', ['none', 'queued', 'processing', 'ready', 'failed'])

/**
 * One uploaded file of a deliverable: an object in the private bucket (`objectKey`), served to the
 * project's company only, through the Worker. `fileName` is the sanitised name it downloads as;
 * `contentType` is what its bytes showed, never what the uploader claimed; `sha256` (hex) is checked
 * on download. Files from before versions existed (migration 0006) have no checksum.
 */
export const deliverableVersions = app.table(
  'deliverable_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    deliverableId: uuid()
      .notNull()
      .references(() => projectDeliverables.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    fileName: text().notNull(),
    objectKey: text().notNull(),
    contentType: text().notNull(),
    bytes: bigint({ mode: 'number' }).notNull(),
    sha256: text(),
    uploadedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewState: reviewState().notNull().default('waiting'),
    reviewedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    viewerStatus: viewerStatus().notNull().default('none'),
    viewerPrefix: text(),
    viewerError: text(),
  },
  (t) => [
    uniqueIndex('deliverable_versions_deliverable_id_number_key').on(t.deliverableId, t.number),
    uniqueIndex('deliverable_versions_object_key_key').on(t.objectKey),
    index('deliverable_versions_uploaded_at_idx').on(t.uploadedAt.desc()),
    // The analytics' turnaround reads approvals by the month they were given.
    index('deliverable_versions_approved_at_idx').on(t.reviewedAt).where(sql`${t.reviewState} = 'approved'`),
    check('deliverable_versions_number_positive', sql`${t.number} >= 1`),
    check('deliverable_versions_bytes_non_negative', sql`${t.bytes} >= 0`),
    check('deliverable_versions_sha256_hex', sql`${t.sha256} is null or ${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
)

/** What a comment is: a plain comment, or the client's decision on the version, with its reason. */
export const commentKind = app.enum('comment_kind', ['comment', 'approval', 'changes_requested'])

/**
 * The conversation on a version. `internal` comments are the team's own and never shown to the
 * client; a decision (approval, change request) is always visible.
 */
export const deliverableComments = app.table(
  'deliverable_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    versionId: uuid()
      .notNull()
      .references(() => deliverableVersions.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: commentKind().notNull().default('comment'),
    body: text().notNull(),
    internal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deliverable_comments_version_id_created_at_idx').on(t.versionId, t.createdAt),
    check('deliverable_comments_decisions_visible', sql`not (${t.internal} and ${t.kind} <> 'comment')`),
  ],
)

export type ProjectDeliverable = typeof projectDeliverables.$inferSelect
export type NewProjectDeliverable = typeof projectDeliverables.$inferInsert
export type DeliverableVersion = typeof deliverableVersions.$inferSelect
export type NewDeliverableVersion = typeof deliverableVersions.$inferInsert
export type ReviewState = (typeof reviewState.enumValues)[number]
export type ViewerStatus = (typeof viewerStatus.enumValues)[number]
export type DeliverableComment = typeof deliverableComments.$inferSelect
export type NewDeliverableComment = typeof deliverableComments.$inferInsert
export type CommentKind = (typeof commentKind.enumValues)[number]
