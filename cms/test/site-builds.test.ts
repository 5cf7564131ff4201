import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { BuildRow } from '../src/collections/SiteBuilds/document-status.ts'
import { siteBuildReportEndpoint } from '../src/collections/SiteBuilds/report-endpoint.ts'
import { debounced } from '../src/rebuild/debounced.ts'
import { BuildJournal, failInterruptedBuilds } from '../src/rebuild/journal.ts'
import { journalBuilds, journalRequests } from '../src/rebuild/journaled.ts'
import { localRebuilder } from '../src/rebuild/local.ts'
import type { RebuildLog } from '../src/rebuild/types.ts'
import { startPayload } from './payload.ts'

// The publish status's history against the real database: the rebuilder as `SITE_REBUILD=local`
// composes it (src/rebuild/index.ts), running a real child process in place of `pnpm run build`.
// The build waits for a file to appear, so the test sees it `building`; it fails like Astro does
// when FAIL is set.
const BUILD = `
const fs = require('node:fs')
const go = () => fs.existsSync('go') ? finish() : setTimeout(go, 20)
function finish() {
  fs.rmSync('go')
  for (let i = 0; i < 30; i++) console.log('generating page ' + i)
  if (!process.env.FAIL) process.exit(0)
  console.error('\\u001b[31m[PayloadLoaderError]\\u001b[39m The CMS at CMS_URL=http://cms answered 404 to GET /api/media/file/lost.png')
  console.error('    at download (/site/src/loaders/media-loader.ts:80:11)')
  console.error('astro build failed (exit 1); dist/ was left as it was')
  process.exit(1)
}
go()
`
const quiet: RebuildLog = { info: () => undefined, warn: () => undefined }
let payload: Payload
let siteDir: string

beforeAll(async () => {
  payload = await startPayload()
  siteDir = mkdtempSync(path.join(tmpdir(), 'kairo-site-builds-'))
})

afterAll(async () => {
  rmSync(siteDir, { recursive: true, force: true })
  if (!payload) return
  await payload.delete({ collection: 'site-builds', where: { rebuilder: { equals: 'test build' } } })
  await payload.destroy()
})

/** The rebuilder as production composes it, journaled into the real `site-builds` collection. */
function journaledRebuilder(env: Record<string, string> = {}) {
  const journal = new BuildJournal(payload, 'test build', quiet)
  const local = localRebuilder({
    siteDir,
    cmsUrl: 'http://127.0.0.1:3999',
    command: [
      'env',
      ...Object.entries(env).map(([key, value]) => `${key}=${value}`),
      process.execPath,
      '-e',
      BUILD,
    ],
    log: quiet,
  })
  const source = () => journal
  return journalRequests(
    // A debounce long enough to see each publish queued before its build starts, with the database
    // polled every 25 ms: at 50 ms a loaded CI machine once saw the build already running.
    debounced(journalBuilds(local, source), { waitMs: 1_500, maxWaitMs: 5_000, log: quiet }),
    source,
  )
}

async function builds(): Promise<BuildRow[]> {
  const { docs } = await payload.find({
    collection: 'site-builds',
    where: { rebuilder: { equals: 'test build' } },
    sort: '-queuedAt',
    depth: 0,
  })
  return docs as unknown as BuildRow[]
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries++) {
    const value = await read()
    if (ok(value)) return value
    if (tries > 200) throw new Error(`gave up waiting; last seen: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const release = () => writeFileSync(path.join(siteDir, 'go'), '')

describe('the site build history (publish status)', () => {
  it('shows publishes queued together, then building, then live with its duration', async () => {
    const site = journaledRebuilder()
    const done = Promise.all([
      site.request('case study “Orbital Labs launch site” published'),
      site.request('service “Websites with depth” published'),
    ])
    const [queued] = await until(builds, (rows) => rows.length === 1)
    expect(queued).toMatchObject({ status: 'queued', summary: expect.stringContaining('Orbital Labs') })
    const [building] = await until(builds, (rows) => rows[0]?.status === 'building')
    expect(building?.startedAt).toBeTruthy()
    // Saved while it builds: not in this build (it read the CMS when it started), queued for the next.
    const after = site.request('page “Team” published')
    const [next, current] = await until(builds, (rows) => rows.length === 2)
    expect(next).toMatchObject({ status: 'queued', summary: 'page “Team” published' })
    expect(current).toMatchObject({ status: 'building' })
    expect((current as { changes?: string[] }).changes).toEqual([
      'case study “Orbital Labs launch site” published',
      'service “Websites with depth” published',
    ])
    release()
    await done
    const [, live] = await until(builds, (rows) => rows[1]?.status === 'live')
    expect(live?.durationMs).toBeGreaterThan(0)
    expect(live?.error ?? null).toBeNull()
    expect(Date.parse(live?.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(live?.startedAt ?? ''))
    await until(builds, (rows) => rows[0]?.status === 'building')
    release()
    await after
    expect((await builds()).map((row) => row.status)).toEqual(['live', 'live'])
  })

  it('ends a broken build failed, with the start of its error and no terminal colours', async () => {
    const site = journaledRebuilder({ FAIL: '1' })
    const done = site.request('media “lost.png” added')
    await until(builds, (rows) => rows[0]?.status === 'building')
    release()
    await done // the debounced rebuilder never rejects: a save never fails because of the site
    const [failed] = await until(builds, (rows) => rows[0]?.status === 'failed')
    expect(failed?.error?.split('\n')).toEqual([
      '[PayloadLoaderError] The CMS at CMS_URL=http://cms answered 404 to GET /api/media/file/lost.png',
      '    at download (/site/src/loaders/media-loader.ts:80:11)',
      'astro build failed (exit 1); dist/ was left as it was',
    ])
    expect(failed?.durationMs).toBeGreaterThan(0)
  })

  it('marks builds a stopped CMS left unfinished as failed, saying why', async () => {
    const journal = new BuildJournal(payload, 'test build', quiet)
    await journal.queued('page “About” published')
    await journal.started()
    await journal.queued('page “Contact” published')
    expect((await builds()).slice(0, 2).map((row) => row.status)).toEqual(['queued', 'building'])
    await failInterruptedBuilds(payload)
    const [queued, building] = await builds()
    for (const row of [queued, building]) {
      expect(row).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The CMS stopped/) })
    }
  })

  it('takes a deploy’s report of its end, with the report token only (deploy hook mode)', async () => {
    await failInterruptedBuilds(payload) // no build of an earlier test still waits
    const journal = new BuildJournal(payload, 'test build', quiet)
    await journal.queued('case study “Orbital Labs launch site” published')
    await journal.started()
    const token = 'a-report-token-of-at-least-32-characters'
    const report = (authorization: string, body: unknown) =>
      siteBuildReportEndpoint(token).handler({
        payload,
        headers: new Headers({ authorization }),
        json: async () => body,
      } as unknown as PayloadRequest)
    const wrong = await report('Bearer not-the-token', { status: 'live' })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } })
    expect((await report(`Bearer ${token}`, { status: 'done' })).status).toBe(400)
    expect((await builds())[0]?.status).toBe('building')
    const accepted = await report(`Bearer ${token}`, {
      status: 'failed',
      error: 'wrangler deploy: 10021 quota',
    })
    expect(accepted.status).toBe(200)
    expect((await builds())[0]).toMatchObject({ status: 'failed', error: 'wrangler deploy: 10021 quota' })
    expect((await report(`Bearer ${token}`, { status: 'live' })).status).toBe(409)
    const off = await siteBuildReportEndpoint(undefined).handler({} as PayloadRequest)
    expect(off.status).toBe(404)
  })
})
