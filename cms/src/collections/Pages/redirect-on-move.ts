import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { ancestorSlugs, FIXED_PAGES, type PagePlace, pathOf } from './paths.ts'

// When a published page moves (a new slug or a new parent), the URLs it and its subpages had keep
// working: each gets a permanent redirect to the page itself (a reference, so the site follows the
// page wherever it goes next). Moving a page back removes the redirect that would now point it away
// from itself. All inside the publish's own transaction: a failed publish leaves no redirect behind.

interface Move {
  from: string
  to: string
}

const MOVE = 'kairo.pageMove'
const isFixed = (slug: unknown) => (FIXED_PAGES as readonly unknown[]).includes(slug)
/** Redirect sources are stored without the trailing slash (the Redirects collection's convention). */
const source = (path: string) => (path === '/' ? path : path.replace(/\/$/, ''))

async function pathOfPlace(req: PayloadRequest, place: PagePlace): Promise<string> {
  return pathOf([...(await ancestorSlugs(req, place.parent, place.id)), String(place.slug)])
}

/** Notes where a page that is being published lived, when that is not where it will live. */
export const noteMove: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update' || data._status !== 'published' || !originalDoc) return data
  const live = await req.payload
    .findByID({ collection: 'pages', id: originalDoc.id, depth: 0, draft: false, req, disableErrors: true })
    .catch(() => null)
  if (!live || live._status !== 'published' || isFixed(live.slug)) return data
  const next: PagePlace = {
    id: originalDoc.id,
    slug: data.slug ?? originalDoc.slug,
    parent: 'parent' in data ? data.parent : originalDoc.parent,
  }
  const move: Move = { from: await pathOfPlace(req, live), to: await pathOfPlace(req, next) }
  // On req.context itself, read now: the reads above may have given the request a new context object.
  if (move.from !== move.to) req.context[MOVE] = move
  return data
}

/** Every page under `id`, with its path relative to the page (`team/` for `/studio/team/`). */
async function subpages(
  req: PayloadRequest,
  id: number | string,
  prefix = '',
): Promise<Array<[number, string]>> {
  const { docs } = await req.payload.find({
    collection: 'pages',
    where: { parent: { equals: id } },
    depth: 0,
    draft: false,
    pagination: false,
    req,
  })
  const found: Array<[number, string]> = []
  for (const page of docs) {
    const relative = `${prefix}${page.slug}/`
    found.push([page.id, relative], ...(await subpages(req, page.id, relative)))
  }
  return found
}

async function redirectTo(req: PayloadRequest, from: string, pageId: number) {
  const data = {
    from: source(from),
    to: { type: 'reference' as const, reference: { relationTo: 'pages' as const, value: pageId } },
    statusCode: '301' as const,
  }
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: data.from } },
    depth: 0,
    limit: 1,
    req,
  })
  const [existing] = docs
  if (existing) await req.payload.update({ collection: 'redirects', id: existing.id, data, req })
  else await req.payload.create({ collection: 'redirects', data, req })
}

/** Leaves a redirect at each URL the moved page and its subpages had. */
export const redirectMovedPage: CollectionAfterChangeHook = async ({ doc, req }) => {
  const move = req.context[MOVE] as Move | undefined
  if (!move) return doc
  delete req.context[MOVE]
  const moved: Array<[number, string, string]> = [[doc.id, move.from, move.to]]
  for (const [id, relative] of await subpages(req, doc.id))
    moved.push([id, `${move.from}${relative}`, `${move.to}${relative}`])
  for (const [id, from] of moved) await redirectTo(req, from, id)
  // A redirect from where a page now is would send its visitors away from it.
  await req.payload.delete({
    collection: 'redirects',
    where: { from: { in: moved.map(([, , to]) => source(to)) } },
    req,
  })
  return doc
}
