import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import { type CompanyWork, createTwoCompanies } from './support/dashboard-fixtures.ts'
import { Fixtures } from './support/session.ts'

const fixtures = new Fixtures()
let vega: CompanyWork
let rigel: CompanyWork
let clientCookie: string
let teamCookie: string
const pdfBytes = new TextEncoder().encode('%PDF-1.7\n% Vega poster set, test bytes\n')

beforeAll(async () => {
  ;({ vega, rigel, clientCookie, teamCookie } = await createTwoCompanies(fixtures))
  await env.BUCKET.put(vega.objectKey, pdfBytes, { httpMetadata: { contentType: 'application/pdf' } })
  await env.BUCKET.put(rigel.objectKey, pdfBytes, { httpMetadata: { contentType: 'application/pdf' } })
})

afterAll(async () => {
  await env.BUCKET.delete([vega.objectKey, rigel.objectKey])
  await fixtures.cleanup()
})

const get = (path: string, cookie: string) =>
  requestCountingQueries(`http://localhost${path}`, { headers: { cookie } })

describe('GET /dashboard/projects', () => {
  it("lists the client's projects with status, progress and next milestone, in two round trips", async () => {
    const { response, queries } = await get('/dashboard/projects', clientCookie)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<a href="\/dashboard\/projects" aria-current="page">Projects<\/a>/)
    expect(html).toContain(`<a href="/dashboard/projects/${vega.projectId}">Vega launch site</a>`)
    expect(html).toContain('1 of 3')
    expect(html).toContain('Vega timeline review')
    expect(html).toContain('2 projects, unfinished first')
    expect(html).not.toContain('Rigel')
    expect(queries).toHaveLength(2)
  })

  it('shows the team every company with its name', async () => {
    const html = await (await get('/dashboard/projects', teamCookie)).response.text()
    expect(html).toContain('Vega launch site')
    expect(html).toContain('Rigel launch site')
    expect(html).toContain('Rigel Corp')
  })
})

describe('GET /dashboard/projects/<id>', () => {
  it('shows milestones (done and open, with dates) and deliverables linking to downloads', async () => {
    const { response, queries } = await get(`/dashboard/projects/${vega.projectId}`, clientCookie)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1 class="dash-h1">Vega launch site</h1>')
    expect(html).toContain('1 of 3 done')
    expect(html).toMatch(/Vega moodboard approved<\/th><td><span class="badge badge--good">Done<\/span>/)
    expect(html).toMatch(/Vega timeline review<\/th><td><span class="badge badge--active">Open<\/span>/)
    expect(html).toContain('Not yet')
    // Deliverables: title, type, size, date, newest first.
    const href = `/dashboard/projects/${vega.projectId}/files/${vega.deliverableId}`
    // The title opens the deliverable's versions; Download gets the current one.
    expect(html).toContain(
      `<a href="/dashboard/projects/${vega.projectId}/deliverables/${vega.deliverableId}">Vega poster set</a>`,
    )
    expect(html).toContain(
      `<a href="${href}" download="">Download<span class="visually-hidden"> Vega poster set</span></a>`,
    )
    expect(html).toContain('PDF document')
    expect(html).toContain('2.4 MB')
    expect(html).toContain('3D model (GLB)')
    expect(html.indexOf('Vega model pack')).toBeLessThan(html.indexOf('Vega poster set'))
    expect(queries).toHaveLength(2)
  })

  it('answers 404 for another company, an unknown id and a malformed id', async () => {
    for (const id of [rigel.projectId, crypto.randomUUID(), 'not-a-uuid', "1' or '1'='1"]) {
      const { response } = await get(`/dashboard/projects/${encodeURIComponent(id)}`, clientCookie)
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(html).toContain('not part of your account')
      expect(html).not.toContain('Rigel')
    }
  })
})

describe('GET /dashboard/projects/<id>/files/<deliverableId>', () => {
  const fileOf = (work: CompanyWork) => `/dashboard/projects/${work.projectId}/files/${work.deliverableId}`

  it('streams the file from R2 as an attachment with its type, never cached', async () => {
    const { response, queries } = await get(fileOf(vega), clientCookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="vega-posters.pdf"; filename*=UTF-8''vega-posters.pdf`,
    )
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes)
    expect(queries).toHaveLength(2)
  })

  it('lets the team download any company’s file', async () => {
    const { response } = await get(fileOf(rigel), teamCookie)
    expect(response.status).toBe(200)
    await response.arrayBuffer()
  })

  it('answers 404 for another company’s file, even through the own project’s URL', async () => {
    const attempts = [
      fileOf(rigel),
      `/dashboard/projects/${vega.projectId}/files/${rigel.deliverableId}`,
      `/dashboard/projects/${rigel.projectId}/files/${vega.deliverableId}`,
      `/dashboard/projects/${vega.projectId}/files/not-a-uuid`,
    ]
    for (const path of attempts) {
      const { response } = await get(path, clientCookie)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/text\/html/)
      expect(await response.text()).not.toContain('%PDF')
    }
  })

  it('answers a clear 404 when the file is listed but not in the bucket yet', async () => {
    const path = `/dashboard/projects/${vega.projectId}/files/${vega.missingDeliverableId}`
    const { response } = await get(path, clientCookie)
    expect(response.status).toBe(404)
    const html = await response.text()
    expect(html).toContain('File not available yet')
    expect(html).toContain('“Vega model pack” is listed, but its file has not been uploaded yet')
  })
})
