import {
  activityEvents,
  companies,
  type Database,
  deliverableVersions,
  modelJobs,
  projectDeliverables,
  projects,
  type ReviewState,
  users,
  type ViewerStatus,
} from '@kairo/db'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { StoredFile } from '../upload/object-upload.ts'
import { type AuditWriter, isUuid, outerColumn } from './rows.ts'
import { inScope, type Scope } from './scope.ts'

// Deliverables as versioned files: where an upload may go (staff only), recording a stored file as
// the next version (with its 3D job, feed entry and audit entries, in one transaction), and the reads
// of a deliverable's history and of one version's object, always through a Scope.

type NotFound = { ok: false; reason: 'not_found' }
const notFound: NotFound = { ok: false, reason: 'not_found' }

/** Where an upload goes: a project in scope and, for a new version, its deliverable. */
export interface UploadTarget {
  projectId: string
  companyId: string
  /** The existing deliverable (a new version), or null (a new deliverable). */
  deliverable: { id: string; title: string } | null
}

/**
 * The project (and deliverable) an upload is for, checked before a byte is stored: staff only, both
 * ids in scope and belonging together; null otherwise (the route's 404, nothing touched).
 */
export async function findUploadTarget(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string | null,
): Promise<UploadTarget | null> {
  if (scope.kind !== 'all' || !isUuid(projectId)) return null
  if (deliverableId !== null && !isUuid(deliverableId)) return null
  const title =
    deliverableId === null
      ? sql<string | null>`null`
      : sql<string | null>`(select d.title from ${projectDeliverables} d
          where d.id = ${deliverableId} and d.project_id = ${outerColumn('projects', 'id')})`
  const [row] = await db
    .select({ companyId: projects.companyId, title })
    .from(projects)
    .where(and(eq(projects.id, projectId), inScope(scope, projects.companyId)))
  if (!row) return null
  if (deliverableId === null) return { projectId, companyId: row.companyId, deliverable: null }
  if (row.title === null) return null
  return { projectId, companyId: row.companyId, deliverable: { id: deliverableId, title: row.title } }
}

/** A version as the writes and the history return it. */
export interface VersionRecord {
  id: string
  number: number
  fileName: string
  contentType: string
  bytes: number
  sha256: string | null
  uploadedAt: Date
  reviewState: ReviewState
  viewerStatus: ViewerStatus
}

const versionColumns = {
  id: deliverableVersions.id,
  number: deliverableVersions.number,
  fileName: deliverableVersions.fileName,
  contentType: deliverableVersions.contentType,
  bytes: deliverableVersions.bytes,
  sha256: deliverableVersions.sha256,
  uploadedAt: deliverableVersions.uploadedAt,
  reviewState: deliverableVersions.reviewState,
  viewerStatus: deliverableVersions.viewerStatus,
}

/** What to record: the deliverable (new, with its title and pre-chosen id, or existing) and the file. */
export interface NewVersion {
  projectId: string
  deliverable: { id: string; title: string; isNew: boolean }
  file: StoredFile
  uploadedById: string
}

export type RecordVersionResult =
  | { ok: true; deliverableId: string; title: string; version: VersionRecord }
  | NotFound

/** A recorded version, as its announcement (notifications/) needs it. */
export interface UploadedVersion {
  companyId: string
  projectId: string
  deliverableId: string
  title: string
  versionNumber: number
  actorId: string
}

/**
 * Tells the company's people of a new version, inside the upload's transaction (so a rollback tells
 * nobody): the route passes the notifications module's `notify` with the request's origin.
 */
export type AnnounceVersion = (tx: Database, version: UploadedVersion) => Promise<void>

/**
 * Records a stored file as the next version of its deliverable, creating the deliverable first when
 * it is new. The deliverable row is locked before its numbers are read, so concurrent uploads queue
 * and get consecutive numbers; the unique (deliverable, number) index backs that up. A GLB or glTF is
 * written `queued` with its `model_jobs` row. The feed's `version.uploaded`, the audit's
 * `deliverable.created` (new) and `deliverable.version_uploaded`, and the clients' notifications
 * (`announce`) go in the same transaction. Not found
 * (the project or deliverable gone or out of scope since the upload began): nothing is written, and
 * the caller deletes the object.
 */
export async function recordVersion(
  db: Database,
  scope: Scope,
  input: NewVersion,
  audit: AuditWriter,
  announce: AnnounceVersion,
): Promise<RecordVersionResult> {
  if (scope.kind !== 'all') return notFound
  const { projectId, deliverable, file } = input
  return db.transaction(async (tx) => {
    const companyId = deliverable.isNew
      ? await createDeliverable(tx, scope, input, audit)
      : await lockDeliverable(tx, scope, projectId, deliverable.id)
    if (!companyId) return notFound
    const model = file.type.model
    const [version] = await tx
      .insert(deliverableVersions)
      .values({
        deliverableId: deliverable.id,
        number: sql`(select coalesce(max(v.number), 0) + 1 from ${deliverableVersions} v
          where v.deliverable_id = ${deliverable.id})`,
        fileName: file.fileName,
        objectKey: file.key,
        contentType: file.type.contentType,
        bytes: file.bytes,
        sha256: file.sha256,
        uploadedById: input.uploadedById,
        viewerStatus: model ? 'queued' : 'none',
      })
      .returning(versionColumns)
    if (!version) throw new Error('deliverables: the version insert returned no row')
    if (model) await tx.insert(modelJobs).values({ versionId: version.id })
    const details = {
      deliverableId: deliverable.id,
      title: deliverable.title,
      version: version.number,
      fileName: version.fileName,
    }
    await tx.insert(activityEvents).values({
      companyId,
      projectId,
      actorId: input.uploadedById,
      kind: 'version.uploaded',
      subjectId: version.id,
      details,
      clientVisible: true,
    })
    await audit(
      {
        action: 'deliverable.version_uploaded',
        companyId,
        targetType: 'deliverable',
        targetId: deliverable.id,
        details: {
          projectId,
          version: version.number,
          fileName: version.fileName,
          contentType: version.contentType,
          bytes: version.bytes,
        },
      },
      tx,
    )
    await announce(tx, {
      companyId,
      projectId,
      deliverableId: deliverable.id,
      title: deliverable.title,
      versionNumber: version.number,
      actorId: input.uploadedById,
    })
    return { ok: true as const, deliverableId: deliverable.id, title: deliverable.title, version }
  })
}

/** Inserts the new deliverable (the project in scope, held for the transaction); its company id. */
async function createDeliverable(
  tx: Database,
  scope: Scope,
  input: NewVersion,
  audit: AuditWriter,
): Promise<string | null> {
  const [project] = await tx
    .select({ companyId: projects.companyId })
    .from(projects)
    .where(and(eq(projects.id, input.projectId), inScope(scope, projects.companyId)))
    .for('key share')
  if (!project) return null
  await tx.insert(projectDeliverables).values({
    id: input.deliverable.id,
    projectId: input.projectId,
    title: input.deliverable.title,
    createdById: input.uploadedById,
  })
  await audit(
    {
      action: 'deliverable.created',
      companyId: project.companyId,
      targetType: 'deliverable',
      targetId: input.deliverable.id,
      details: { projectId: input.projectId, title: input.deliverable.title },
    },
    tx,
  )
  return project.companyId
}

/** Locks an existing deliverable of the project (in scope) for the transaction; its company id. */
async function lockDeliverable(
  tx: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
): Promise<string | null> {
  // Raw, for `of d`: Drizzle names the table schema-qualified there, which Postgres refuses.
  const rows = await tx.execute<{ company_id: string }>(sql`
    select p.company_id from ${projectDeliverables} d join ${projects} p on p.id = d.project_id
    where d.id = ${deliverableId} and d.project_id = ${projectId}
      and ${inScope(scope, sql`p.company_id`) ?? sql`true`}
    for no key update of d`)
  return rows[0]?.company_id ?? null
}

/** A version in a deliverable's history, with who uploaded it. */
export interface VersionView extends VersionRecord {
  uploadedByName: string | null
  viewerError: string | null
}

/** A deliverable's page: its project, and every version, newest first. */
export interface DeliverableHistory {
  id: string
  title: string
  projectId: string
  projectName: string
  companyId: string
  companyName: string
  createdAt: Date
  versions: VersionView[]
}

type VersionJson = Omit<VersionView, 'uploadedAt'> & { uploadedAt: string }

/**
 * The condition of every deliverable read by URL (the query joins `projects`): that deliverable, of
 * that project, in scope; so an id cannot be reached through another project's or company's URL.
 */
export function deliverableOfProject(
  scope: Scope,
  projectId: string,
  deliverableId: string,
): SQL | undefined {
  return and(
    eq(projectDeliverables.id, deliverableId),
    eq(projectDeliverables.projectId, projectId),
    inScope(scope, projects.companyId),
  )
}

/** The values of the extra columns a page asks {@link getDeliverableHistory} for. */
export type ExtraValues<E extends Record<string, SQL>> = {
  [K in keyof E]: E[K] extends SQL<infer T> ? T : never
}

/**
 * A deliverable with its whole history in one statement; null when absent or out of scope. `extra`
 * adds columns to that statement (json subqueries correlated with the deliverable's row, which the
 * statement names `project_deliverables`), so a page that shows more of the deliverable (its review
 * threads) still costs one round trip.
 */
export async function getDeliverableHistory<E extends Record<string, SQL> = Record<never, SQL>>(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
  extra?: E,
): Promise<(DeliverableHistory & ExtraValues<E>) | null> {
  if (!isUuid(projectId) || !isUuid(deliverableId)) return null
  const outerId = outerColumn('project_deliverables', 'id')
  const versions = sql<VersionJson[]>`coalesce((
    select json_agg(json_build_object('id', v.id, 'number', v.number, 'fileName', v.file_name,
      'contentType', v.content_type, 'bytes', v.bytes, 'sha256', v.sha256, 'uploadedAt', v.uploaded_at,
      'reviewState', v.review_state, 'viewerStatus', v.viewer_status, 'viewerError', v.viewer_error,
      'uploadedByName', u.name) order by v.number desc)
    from ${deliverableVersions} v left join ${users} u on u.id = v.uploaded_by_id
    where v.deliverable_id = ${outerId}
  ), '[]'::json)`
  const [row] = await db
    .select({
      id: projectDeliverables.id,
      title: projectDeliverables.title,
      projectId: projects.id,
      projectName: projects.name,
      companyId: companies.id,
      companyName: companies.name,
      createdAt: projectDeliverables.createdAt,
      versions,
      ...(extra ?? {}),
    })
    .from(projectDeliverables)
    .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
    .innerJoin(companies, eq(companies.id, projects.companyId))
    .where(deliverableOfProject(scope, projectId, deliverableId))
  if (!row) return null
  const history = row as unknown as Omit<DeliverableHistory, 'versions'> & {
    versions: VersionJson[]
  } & ExtraValues<E>
  return {
    ...history,
    versions: history.versions.map((v) => ({
      ...v,
      bytes: Number(v.bytes),
      uploadedAt: new Date(v.uploadedAt),
    })),
  }
}

/** Where one version's bytes are, for its download. */
export interface VersionObject {
  title: string
  number: number
  fileName: string
  objectKey: string
  contentType: string
  bytes: number
  /** Hex SHA-256 of the bytes; null for files from before versions were kept. */
  sha256: string | null
}

/** Version `number` of a deliverable of a project in scope (all three must match); null otherwise. */
export async function getVersionObject(
  db: Database,
  scope: Scope,
  projectId: string,
  deliverableId: string,
  number: number,
): Promise<VersionObject | null> {
  if (!isUuid(projectId) || !isUuid(deliverableId) || !Number.isSafeInteger(number) || number < 1) return null
  const [row] = await db
    .select({
      title: projectDeliverables.title,
      number: deliverableVersions.number,
      fileName: deliverableVersions.fileName,
      objectKey: deliverableVersions.objectKey,
      contentType: deliverableVersions.contentType,
      bytes: deliverableVersions.bytes,
      sha256: deliverableVersions.sha256,
    })
    .from(deliverableVersions)
    .innerJoin(projectDeliverables, eq(projectDeliverables.id, deliverableVersions.deliverableId))
    .innerJoin(projects, eq(projects.id, projectDeliverables.projectId))
    .where(
      and(
        eq(deliverableVersions.deliverableId, deliverableId),
        eq(deliverableVersions.number, number),
        eq(projectDeliverables.projectId, projectId),
        inScope(scope, projects.companyId),
      ),
    )
  return row ?? null
}
