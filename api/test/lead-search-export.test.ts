import { auditLog, leads } from '@kairo/db'
import { and, desc, eq, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvCell, csvRow } from '../src/lib/csv.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { cleanupDomain, countedPage, domainOf, insertLead, send } from './team-support.ts'

// Searching the leads and users lists (`?q=`, pages and API) and the leads' CSV export: quoting,
// formula injection, filters, batches, the audit entry, and who may have it.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
// Every search term carries the run's id reversed, so other files' rows never match, and neither do
// this run's e-mail addresses (`…@run-<run>.example`), which hold the id as it is.
const tag = () => `q${[...fx.run].reverse().join('')}`

beforeAll(async () => {
  const company = await fx.company('Search Co')
  team = await fx.user('team', null, { name: `Tess Searcher ${fx.run}` })
  const client = await fx.user('client', company, { name: `Carla Client ${fx.run}` })
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  const future = (minutes: number) => new Date(Date.UTC(2250, 0, 1) + minutes * 60_000)
  await insertLead(db, fx, { name: `Ada ${tag()}n`, company: 'Analytical Engines', createdAt: future(1) })
  await insertLead(db, fx, {
    name: 'Grace Hopper',
    company: `Compilers ${tag()}c Inc`,
    status: 'qualified',
    createdAt: future(2),
  })
  await insertLead(db, fx, {
    name: 'Percent Person',
    message: `We grew 50% last year (${tag()}) and need a new site.`,
    createdAt: future(3),
  })
  await insertLead(db, fx, {
    name: 'Five Hundred',
    message: `We grew 500 percent (${tag()}) and need a new site.`,
    createdAt: future(4),
  })
  await insertLead(db, fx, {
    name: 'Under_score',
    message: `Project code a_b (${tag()}).`,
    createdAt: future(5),
  })
  await insertLead(db, fx, {
    name: 'Axb Person',
    message: `Project code axb (${tag()}).`,
    createdAt: future(6),
  })
})

afterAll(async () => {
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

const namesIn = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/dashboard\/leads\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])

describe('searching leads', () => {
  it('finds by name, e-mail, company and message, in any case, in 2 round trips', async () => {
    const { response, queries } = await countedPage(`/dashboard/leads?q=${tag().toUpperCase()}`, teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(namesIn(html).sort()).toEqual(
      [`Ada ${tag()}n`, 'Axb Person', 'Five Hundred', 'Grace Hopper', 'Percent Person', 'Under_score'].sort(),
    )
    expect(html).toContain(`<input id="leads-search-q" name="q" type="search" value="${tag().toUpperCase()}"`)
    expect(html).toMatch(/<caption>All leads matching “[^”]+”, newest first \(6\)/)
    const search = async (q: string) =>
      namesIn(
        await (await send(`/dashboard/leads?q=${encodeURIComponent(q)}`, { cookie: teamCookie })).text(),
      )
    expect(await search(`${tag()}N`)).toEqual([`Ada ${tag()}n`])
    expect(await search(`${tag()}C inc`)).toEqual(['Grace Hopper'])
    expect(await search(`percent (${tag()})`)).toEqual(['Five Hundred'])
    // By e-mail: the addresses are `lead-<n>@run-<run>.example`.
    expect(await search(`@${domainOf(fx)}`)).toHaveLength(6)
  })

  it('takes % and _ literally', async () => {
    const percent = await (
      await send(`/dashboard/leads?q=${encodeURIComponent('50%')}`, { cookie: teamCookie })
    ).text()
    expect(namesIn(percent)).toContain('Percent Person')
    expect(namesIn(percent)).not.toContain('Five Hundred')
    const underscore = await (
      await send(`/dashboard/leads?q=${encodeURIComponent(`a_b (${tag()}`)}`, { cookie: teamCookie })
    ).text()
    expect(namesIn(underscore)).toEqual(['Under_score'])
  })

  it('keeps the status filter in the search form, the search in the filter form, and both in the pager', async () => {
    const html = await (
      await send(`/dashboard/leads?q=${tag()}&status=qualified`, { cookie: teamCookie })
    ).text()
    expect(namesIn(html)).toEqual(['Grace Hopper'])
    expect(html).toContain('<input type="hidden" name="status" value="qualified"/>')
    expect(html).toContain(`<input type="hidden" name="q" value="${tag()}"/>`)
    expect(html).toContain(`href="/dashboard/leads.csv?status=qualified&amp;q=${tag()}"`)
    const none = await (await send(`/dashboard/leads?q=nothing-${tag()}`, { cookie: teamCookie })).text()
    expect(none).toContain(`No leads match “nothing-${tag()}”.`)
  })

  it('searches the same way in /api/v1/leads', async () => {
    const response = await send(`/api/v1/leads?q=${encodeURIComponent('50%')}&status=new`, {
      cookie: teamCookie,
      wantJson: true,
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { items: Array<{ name: string }>; total: number }
    expect(body.items.map((l) => l.name)).toContain('Percent Person')
    expect(body.items.map((l) => l.name)).not.toContain('Five Hundred')
  })
})

describe('searching users', () => {
  it('finds by name or e-mail on the page and in /api/v1/users, keeping the search in the pager', async () => {
    const { response, queries } = await countedPage(`/dashboard/users?q=searcher+${fx.run}`, teamCookie)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain(`Tess Searcher ${fx.run}`)
    expect(html).not.toContain(`Carla Client ${fx.run}`)
    const byEmail = await send(`/api/v1/users?q=${encodeURIComponent(`@run-${fx.run}.example`)}`, {
      cookie: teamCookie,
      wantJson: true,
    })
    const body = (await byEmail.json()) as { items: Array<{ name: string }> }
    expect(body.items.map((u) => u.name).sort()).toEqual([
      `Carla Client ${fx.run}`,
      `Tess Searcher ${fx.run}`,
    ])
    const none = await (
      await send(`/dashboard/users?q=${encodeURIComponent('%_%')}${fx.run}`, { cookie: teamCookie })
    ).text()
    expect(none).toContain('No users match')
  })
})

describe('csvCell', () => {
  it('quotes by RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/)
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvCell(null)).toBe('')
    expect(csvCell(new Date(Date.UTC(2030, 0, 2, 3, 4, 5)))).toBe('2030-01-02T03:04:05.000Z')
    expect(csvRow(['a', null, 'b'])).toBe('a,,b\r\n')
  })
})

/** The records of a CSV body (a small reader for the test: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

describe('GET /dashboard/leads.csv', () => {
  it('downloads the filtered leads as UTF-8 CSV with a header, quoted and defused, and audits it', async () => {
    const id = await insertLead(db, fx, {
      name: `=HYPERLINK("https://evil.example","Ada ${tag()}")`,
      company: 'Zoë, "Quoted" & Co',
      message: 'Line one\nline two',
      sourcePage: '/contact/',
      service: 'websites',
      createdAt: new Date(Date.UTC(2250, 0, 1, 1)),
    })
    const response = await send(`/dashboard/leads.csv?q=${encodeURIComponent(`HYPERLINK("https://evil`)}`, {
      cookie: teamCookie,
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kairo-leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    // The byte order mark, then UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    const rows = parseCsv(text)
    expect(rows[0]).toEqual([
      'id',
      'received_at',
      'name',
      'email',
      'company',
      'status',
      'source_page',
      'service',
      'client_company',
      'converted_at',
      'message',
    ])
    expect(rows).toHaveLength(2)
    expect(rows[1]).toEqual([
      id,
      '2250-01-01T01:00:00.000Z',
      `'=HYPERLINK("https://evil.example","Ada ${tag()}")`,
      expect.stringMatching(/^lead-\d+@/),
      'Zoë, "Quoted" & Co',
      'new',
      '/contact/',
      'websites',
      '',
      '',
      'Line one\nline two',
    ])
    expect(text).toContain('"Zoë, ""Quoted"" & Co"')
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lead.exported'), eq(auditLog.actorId, team.id)))
      .orderBy(desc(auditLog.at))
    expect(entry?.details).toEqual({ status: null, q: 'HYPERLINK("https://evil' })
  })

  it('honours the status filter and search, and reads in batches without skipping or repeating', async () => {
    const batch = `batch-${tag()}`
    // More than two batches of 500, all at one instant, so the keyset's tie-break on id is exercised.
    const createdAt = new Date(Date.UTC(2250, 5, 1))
    await db.insert(leads).values(
      Array.from({ length: 1203 }, (_, i) => ({
        name: `Bulk ${i}`,
        email: `bulk-${i}@${domainOf(fx)}`,
        message: `Bulk lead ${batch}`,
        status: i % 3 === 0 ? ('closed' as const) : ('new' as const),
        idempotencyKey: `test:${fx.run}:bulk:${i}`,
        createdAt,
      })),
    )
    const all = parseCsv(await (await send(`/dashboard/leads.csv?q=${batch}`, { cookie: teamCookie })).text())
    expect(all).toHaveLength(1204)
    const names = all.slice(1).map((row) => row[2])
    expect(new Set(names).size).toBe(1203)
    const closed = parseCsv(
      await (await send(`/dashboard/leads.csv?q=${batch}&status=closed`, { cookie: teamCookie })).text(),
    )
    expect(closed).toHaveLength(1 + 401)
    expect(closed.slice(1).every((row) => row[5] === 'closed')).toBe(true)
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(leads)
      .where(like(leads.message, `%${batch}`))
    expect(n).toBe(1203)
  })

  it('is 404 for a client and sends a signed-out browser to sign in', async () => {
    const client = await send('/dashboard/leads.csv', { cookie: clientCookie })
    expect(client.status).toBe(404)
    expect(client.headers.get('content-type')).toMatch(/text\/html/)
    const signedOut = await send('/dashboard/leads.csv')
    expect(signedOut.status).toBe(303)
  })
})
