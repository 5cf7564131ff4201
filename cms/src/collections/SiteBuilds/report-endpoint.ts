import { createHash, timingSafeEqual } from 'node:crypto'
import type { Endpoint } from 'payload'

import { ERROR_CHARS } from '../../rebuild/journal.ts'

const PRIVATE = { 'cache-control': 'no-store' }
const refuse = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: PRIVATE })

// Hashed first, so the comparison takes the same time whatever the lengths.
const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * `POST /api/site-builds/report`: how a deploy started by the deploy hook (`SITE_REBUILD=hook`)
 * tells the CMS it ended, as the last step of the CI job, with `Authorization: Bearer
 * <SITE_BUILD_REPORT_TOKEN>` and `{ "status": "live" | "failed", "error": "..." }`. It finishes the
 * oldest build still `building` (the deploys run in the order the hook started them). Without a token
 * configured it answers 404: nothing can report, and the builds stay `building` as "started".
 */
export function siteBuildReportEndpoint(token: string | undefined): Endpoint {
  return {
    path: '/report',
    method: 'post',
    handler: async (req) => {
      if (!token)
        return refuse(404, 'not_configured', 'Build reports are not configured (SITE_BUILD_REPORT_TOKEN).')
      const given = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1] ?? ''
      if (!timingSafeEqual(digest(given), digest(token)))
        return refuse(401, 'unauthorized', 'A valid report token is required.')
      const body = (await req.json?.().catch(() => undefined)) as
        | { status?: unknown; error?: unknown }
        | undefined
      const status = body?.status
      if (status !== 'live' && status !== 'failed') {
        return refuse(
          400,
          'invalid_report',
          'Send { "status": "live" } or { "status": "failed", "error": "..." }.',
        )
      }
      const error = typeof body?.error === 'string' ? body.error.slice(0, ERROR_CHARS) : null
      const { docs } = await req.payload.find({
        collection: 'site-builds',
        where: { status: { equals: 'building' } },
        sort: 'startedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      const build = docs[0]
      if (!build) return refuse(409, 'no_build_running', 'No build is waiting for a report.')
      const finishedAt = Date.now()
      const startedAt = build.startedAt ? Date.parse(build.startedAt) : finishedAt
      await req.payload.update({
        collection: 'site-builds',
        id: build.id,
        data: {
          status,
          finishedAt: new Date(finishedAt).toISOString(),
          durationMs: finishedAt - startedAt,
          error: status === 'failed' ? (error ?? 'The deploy reported a failure without a message.') : null,
        },
        overrideAccess: true,
      })
      return Response.json({ build: build.id, status }, { headers: PRIVATE })
    },
  }
}
