import type { Endpoint, PayloadRequest, Where } from 'payload'

import { fastPublishedAt } from '../../rebuild/fast-published.ts'
import { ancestorSlugs, pathOf } from '../Pages/paths.ts'
import { type BuildRow, documentSiteState } from './document-status.ts'

/** The collections with drafts and a public URL, and how each document's URL is made. */
const PUBLIC_PATHS = {
  'case-studies': async (doc: { slug: string }) => `/work/${doc.slug}/`,
  services: async (doc: { slug: string }) => `/services/${doc.slug}/`,
  pages: async (doc: { slug: string; parent?: unknown }, req: PayloadRequest) =>
    pathOf([...(await ancestorSlugs(req, doc.parent as never)), doc.slug]),
} as const

type PublicCollection = keyof typeof PUBLIC_PATHS
const isPublicCollection = (slug: string | null): slug is PublicCollection =>
  slug !== null && Object.hasOwn(PUBLIC_PATHS, slug)

const PRIVATE = { 'cache-control': 'no-store' }
const RECENT = 5

/**
 * `GET /api/site-builds/status[?collection=<slug>&id=<id>]`, for signed-in users: the latest builds
 * (the dashboard's panel) and, for a document, whether its published version is live yet, since
 * when, and where (each document's publish status). Answers in the project's error shape.
 */
export function siteStatusEndpoint(siteUrl: string): Endpoint {
  return {
    path: '/status',
    method: 'get',
    handler: async (req) => {
      if (!req.user) {
        const error = { code: 'unauthorized', message: 'Sign in to see the site’s builds.' }
        return Response.json({ error }, { status: 401, headers: PRIVATE })
      }
      const collection = req.searchParams.get('collection')
      const id = req.searchParams.get('id')
      if ((collection || id) && (!isPublicCollection(collection) || !id || !/^[1-9]\d{0,15}$/.test(id))) {
        const error = { code: 'invalid_document', message: 'Name a case study, service or page by its id.' }
        return Response.json({ error }, { status: 400, headers: PRIVATE })
      }
      const recent = await req.payload.find({
        collection: 'site-builds',
        sort: '-queuedAt',
        limit: RECENT,
        depth: 0,
        req,
      })
      const builds = recent.docs as unknown as BuildRow[]
      if (!isPublicCollection(collection) || !id) return Response.json({ builds }, { headers: PRIVATE })
      return Response.json(
        { builds, document: await documentStatus(req, collection, id, siteUrl) },
        { headers: PRIVATE },
      )
    },
  }
}

async function documentStatus(
  req: PayloadRequest,
  collection: PublicCollection,
  id: string,
  siteUrl: string,
) {
  // The row visitors get: the last published version (autosaves and drafts live in the versions).
  const doc = (await req.payload.findByID({
    collection,
    id: Number(id),
    depth: 0,
    draft: false,
    disableErrors: true,
    req,
  })) as { slug: string; parent?: unknown; _status?: string | null; updatedAt: string } | null
  const publishedAt = doc?._status === 'published' ? doc.updatedAt : undefined
  const where: Where = publishedAt
    ? { or: [{ startedAt: { greater_than_equal: publishedAt } }, { status: { equals: 'queued' } }] }
    : { id: { equals: -1 } }
  const since = publishedAt
    ? ((
        await req.payload.find({
          collection: 'site-builds',
          where,
          sort: 'queuedAt',
          limit: 50,
          depth: 0,
          req,
        })
      ).docs as unknown as BuildRow[])
    : []
  const url = doc && publishedAt ? `${siteUrl}${await PUBLIC_PATHS[collection](doc, req)}` : undefined
  const state = documentSiteState(publishedAt, since)
  // Its pages put on the site by the fast publisher before the build that is still to come.
  const fast = fastPublishedAt(collection, id)
  const pageLiveAt =
    fast && publishedAt && fast >= new Date(publishedAt).toISOString() && state.state !== 'live'
      ? fast
      : undefined
  return { ...state, url, ...(pageLiveAt ? { pageLiveAt } : {}) }
}
