import { env } from 'cloudflare:workers'
import { deliverableVersions, projectDeliverables, projects } from '@kairo/db'
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { html } from 'hono/html'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDeliverableHistory } from '../src/data/deliverables.ts'
import type { AppEnv } from '../src/env.ts'
import { DeliverablePage } from '../src/views/dashboard/deliverable-page.tsx'
import { Fixtures } from './support/session.ts'

// The deliverable page's extension points for the review section: more columns in the page's one
// statement, and a panel rendered after the versions.

const fx = new Fixtures()
const db = fx.db
let projectId: string
let deliverableId: string

beforeAll(async () => {
  const companyId = await fx.company('Page Client')
  const [project] = await db.insert(projects).values({ companyId, name: 'Page project' }).returning()
  projectId = project?.id ?? ''
  const [deliverable] = await db
    .insert(projectDeliverables)
    .values({ projectId, title: 'Poster' })
    .returning()
  deliverableId = deliverable?.id ?? ''
  await db.insert(deliverableVersions).values(
    [1, 2].map((number) => ({
      deliverableId,
      number,
      fileName: `poster-v${number}.pdf`,
      objectKey: `test/${deliverableId}/${number}`,
      contentType: 'application/pdf',
      bytes: 1000 * number,
    })),
  )
})

afterAll(() => fx.cleanup())

describe('getDeliverableHistory', () => {
  it('adds the columns a page asks for to its one statement', async () => {
    const outer = sql`${projectDeliverables}.${sql.identifier('id')}`
    const history = await getDeliverableHistory(db, { kind: 'all' }, projectId, deliverableId, {
      versionCount: sql<number>`(select count(*)::int from ${deliverableVersions} v where v.deliverable_id = ${outer})`,
    })
    expect(history?.versionCount).toBe(2)
    expect(history?.versions.map((v) => v.number)).toEqual([2, 1])
  })
})

describe('DeliverablePage', () => {
  it('renders its children after the versions', async () => {
    const history = await getDeliverableHistory(db, { kind: 'all' }, projectId, deliverableId)
    if (!history) throw new Error('test: no history')
    // Called as a function: this file is `.ts` (the tests' include pattern), so it holds no JSX.
    const panel = html`<section id="review-panel">The review</section>`
    const app = new Hono<AppEnv>().get('/', (c) =>
      c.html(DeliverablePage({ c, deliverable: history, manage: false, children: panel })),
    )
    const page = await (await app.request('/', {}, env)).text()
    expect(page).toContain('poster-v2.pdf')
    expect(page.indexOf('id="review-panel"')).toBeGreaterThan(page.indexOf('poster-v1.pdf'))
  })
})
