import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEnv } from '../src/env.ts'
import { signPreviewToken } from '../src/preview/token.ts'
import { Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const preview = readEnv().preview
const secret = preview.enabled ? preview.secret : ''
let studyId: number
let otherId: number

/** A GET through Payload's own REST routing, as `next start` serves it. */
async function get(path: string) {
  const { default: config } = await import('../src/payload.config.ts')
  const response = await handleEndpoints({ config, request: new Request(`http://localhost:3000${path}`) })
  return { response, body: (await response.json()) as Record<string, unknown> }
}
/** The token with the first character of its MAC changed. */
const forged = (token: string) => token.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`)
const tokenFor = (collection: string, id: number, now = Date.now()) =>
  signPreviewToken({ collection, id }, secret, { now })

beforeAll(async () => {
  payload = await startPayload()
  const study = await payload.create({
    collection: 'case-studies',
    data: { title: 'Preview live', slug: `preview-${run}`, summary: 'Live summary.', _status: 'published' },
  })
  studyId = study.id
  cleanup.add('case-studies', study.id)
  // An unpublished edit on top of the published version: what Preview must show.
  await payload.update({
    collection: 'case-studies',
    id: study.id,
    data: { summary: `Draft summary ${run}` },
    draft: true,
  })
  const other = await payload.create({
    collection: 'case-studies',
    data: { title: 'Other', slug: `preview-other-${run}`, summary: 'Secret draft.', _status: 'draft' },
    draft: true,
  })
  otherId = other.id
  cleanup.add('case-studies', other.id)
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

describe('GET /api/preview/:collection/:id', () => {
  it('is on in the tests (PREVIEW_SECRET from vitest.config.ts)', () => {
    expect(preview.enabled).toBe(true)
  })

  it('answers the latest draft for a valid token, uncached and unindexed, at the build depth', async () => {
    const { response, body } = await get(
      `/api/preview/case-studies/${studyId}?token=${tokenFor('case-studies', studyId)}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-robots-tag')).toContain('noindex')
    expect(body).toMatchObject({ id: studyId, slug: `preview-${run}`, summary: `Draft summary ${run}` })
    // Anonymous REST readers still get the published version.
    const live = await payload.findByID({ collection: 'case-studies', id: studyId, overrideAccess: false })
    expect(live.summary).toBe('Live summary.')
  })

  it('answers a never-published draft too', async () => {
    const { response, body } = await get(
      `/api/preview/case-studies/${otherId}?token=${tokenFor('case-studies', otherId)}`,
    )
    expect(response.status).toBe(200)
    expect(body.summary).toBe('Secret draft.')
  })

  it('refuses a missing, forged, expired or borrowed token with the error shape and no draft', async () => {
    const path = `/api/preview/case-studies/${studyId}`
    const hourAgo = Date.now() - 2 * 60 * 60 * 1000
    const cases: Array<[string, number, string]> = [
      [path, 401, 'preview_token_missing'],
      [`${path}?token=123.abc`, 403, 'preview_token_malformed'],
      [`${path}?token=${forged(tokenFor('case-studies', studyId))}`, 403, 'preview_token_invalid'],
      [`${path}?token=${tokenFor('case-studies', studyId, hourAgo)}`, 403, 'preview_token_expired'],
      // A token for one document opens no other, in no other collection.
      [`${path}?token=${tokenFor('case-studies', otherId)}`, 403, 'preview_token_invalid'],
      [
        `/api/preview/services/${studyId}?token=${tokenFor('case-studies', studyId)}`,
        403,
        'preview_token_invalid',
      ],
    ]
    for (const [url, status, code] of cases) {
      const { response, body } = await get(url)
      expect(response.status, url).toBe(status)
      expect(body, url).toEqual({ error: { code, message: expect.any(String) } })
      expect(JSON.stringify(body), url).not.toContain('Draft summary')
    }
  })

  it('answers 404 for a collection without preview or a document that does not exist', async () => {
    const users = await get(`/api/preview/users/1?token=${tokenFor('users', 1)}`)
    expect(users.response.status).toBe(404)
    expect(users.body).toEqual({ error: { code: 'not_found', message: 'No such document.' } })
    const gone = await get(`/api/preview/pages/999999999?token=${tokenFor('pages', 999999999)}`)
    expect(gone.response.status).toBe(404)
  })
})
