import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  GlobalAfterChangeHook,
  GlobalConfig,
  SanitizedCollectionConfig,
} from 'payload'

import { siteRebuilder } from '../rebuild/index.ts'
import { FAST_PUBLISHED, type PublishedEdit } from '../rebuild/types.ts'

/** What the hooks know about one write, reduced to what decides whether the public site changed. */
export interface SiteChange {
  event: 'create' | 'update' | 'delete'
  /** The collection keeps drafts; without drafts every saved document is public at once. */
  hasDrafts: boolean
  /** The write asked for a draft (`draft: true`: Save draft, autosave): the public row is untouched. */
  draftArg: boolean
  /** `_status` after the write (for a delete: of the deleted row). */
  status?: 'draft' | 'published' | null
}

/**
 * Whether a write changes what visitors see, so the site must be rebuilt: any write to a collection
 * without drafts; for drafted ones a publish, an edit of a published document, an unpublish, or the
 * delete of a published document, but never a draft save or an autosave.
 *
 * Note: an update that writes the public row with `_status: 'draft'` is an unpublish. Payload's
 * `previousDoc` is the latest version (perhaps a draft on top of the published one), so it cannot tell
 * whether the row was public before; such updates are rare and a spare debounced build is harmless.
 */
export function changeIsPublic(change: SiteChange): boolean {
  if (!change.hasDrafts) return true
  const published = change.status === 'published'
  if (change.event === 'delete') return published
  // Payload saves only a version (public row untouched) for a draft write not asking to publish.
  if (change.draftArg && !published) return false
  if (published) return true
  return change.event === 'update'
}

/**
 * A change as editors read it in the build history: `case study “Orbital Labs” published`. The
 * title is the collection's `useAsTitle` field, or the id where it has none.
 */
export function describeChange(
  collection: Pick<SanitizedCollectionConfig, 'slug' | 'labels' | 'admin'>,
  doc: Record<string, unknown> | undefined,
  id: number | string | undefined,
  event: SiteChange['event'],
  previousDoc?: Record<string, unknown>,
): string {
  const singular = collection.labels?.singular
  // "Case Study" reads "case study" mid-sentence; "3D model" keeps its "3D".
  const label = (typeof singular === 'string' ? singular : collection.slug)
    .split(' ')
    .map((word) => (/\d/.test(word) ? word : word.toLowerCase()))
    .join(' ')
  const titleField = collection.admin?.useAsTitle
  const title = titleField && typeof doc?.[titleField] === 'string' ? `“${doc[titleField]}”` : `#${id}`
  const verb = verbOf(event, doc, previousDoc)
  return `${label} ${title} ${verb}`
}

/** What a write did, as an editor would say it. Moving to the trash and back update `deletedAt`. */
function verbOf(
  event: SiteChange['event'],
  doc: Record<string, unknown> | undefined,
  previousDoc: Record<string, unknown> | undefined,
): string {
  if (event === 'delete') return 'deleted'
  if (doc?.deletedAt) return 'moved to the trash'
  if (previousDoc?.deletedAt) return 'restored from the trash'
  const status = doc?._status
  if (event === 'create') return status === 'draft' ? 'saved' : 'added'
  if (status === 'published') return 'published'
  return status === 'draft' ? 'unpublished' : 'updated'
}

// The operation's `draft` argument reaches only beforeOperation hooks; it is carried to afterChange
// through the request's context, keyed per collection.
const draftKey = (slug: string) => `kairo.siteRebuild.draft.${slug}`

/**
 * The write as an edit the site may put live before its build: an update of a case study, service or
 * page that is published after it and not in the trash. Anything else (a first publish, an unpublish,
 * a delete, a move to the trash) adds or removes a page, which only the build does.
 */
export function publishedEdit(
  collection: string,
  operation: 'create' | 'update',
  doc: Record<string, unknown> | undefined,
): PublishedEdit | undefined {
  const fastPublished = FAST_PUBLISHED.find((slug) => slug === collection)
  if (!fastPublished || operation !== 'update' || doc?._status !== 'published' || doc.deletedAt)
    return undefined
  return { collection: fastPublished, id: String(doc.id) }
}

/** Fire and forget: a save never waits for, or fails because of, the site. */
function ask(reason: string, edit?: PublishedEdit): void {
  siteRebuilder()
    .request(reason, edit)
    .catch((error: unknown) =>
      console.warn(`site-rebuild: ${error instanceof Error ? error.message : error}`),
    )
}

const rememberDraftArg: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    req.context[draftKey(collection.slug)] = Boolean((args as { draft?: boolean }).draft)
  }
}

const afterChange: CollectionAfterChangeHook = ({ collection, doc, operation, previousDoc, req }) => {
  const change: SiteChange = {
    event: operation,
    hasDrafts: Boolean(collection.versions?.drafts),
    draftArg: req.context[draftKey(collection.slug)] === true,
    status: doc?._status,
  }
  if (changeIsPublic(change))
    ask(
      describeChange(collection, doc, doc?.id, operation, previousDoc),
      publishedEdit(collection.slug, operation, doc),
    )
  return doc
}

const afterDelete: CollectionAfterDeleteHook = ({ collection, doc, id }) => {
  const change: SiteChange = {
    event: 'delete',
    hasDrafts: Boolean(collection.versions?.drafts),
    draftArg: false,
    status: doc?._status,
  }
  if (changeIsPublic(change)) ask(describeChange(collection, doc, id, 'delete'))
  return doc
}

const globalAfterChange: GlobalAfterChangeHook = ({ doc, global }) => {
  const label = typeof global.label === 'string' ? global.label : global.slug
  ask(`${label.toLowerCase()} updated`)
  return doc
}

/** Adds the rebuild hooks to a collection the public site shows, after its own hooks. */
export function withSiteRebuild(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), rememberDraftArg],
      afterChange: [...(hooks.afterChange ?? []), afterChange],
      afterDelete: [...(hooks.afterDelete ?? []), afterDelete],
    },
  }
}

/**
 * Adds rebuild hooks to a collection whose documents reach visitors only in some states, e.g. 3D
 * models once `ready`: a write asks for a rebuild when the saved document is visible, a delete when
 * the deleted one was. So a model that is queued or processing never rebuilds the site, and one that
 * becomes ready does.
 */
export function withSiteRebuildWhenVisible(
  collection: CollectionConfig,
  visible: (doc: Record<string, unknown> | undefined) => boolean,
): CollectionConfig {
  const hooks = collection.hooks ?? {}
  const changed: CollectionAfterChangeHook = ({ collection, doc, operation }) => {
    if (visible(doc)) ask(describeChange(collection, doc, doc?.id, operation))
    return doc
  }
  const deleted: CollectionAfterDeleteHook = ({ collection, doc, id }) => {
    if (visible(doc)) ask(describeChange(collection, doc, id, 'delete'))
    return doc
  }
  return {
    ...collection,
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), changed],
      afterDelete: [...(hooks.afterDelete ?? []), deleted],
    },
  }
}

/** Adds the rebuild hook to a global the public site shows (globals have no drafts here). */
export function withSiteRebuildGlobal(global: GlobalConfig): GlobalConfig {
  const hooks = global.hooks ?? {}
  return { ...global, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), globalAfterChange] } }
}
