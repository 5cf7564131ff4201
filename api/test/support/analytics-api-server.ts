import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { TestProject } from 'vitest/node'

// Vitest global setup (runs in Node, outside workerd): a local HTTP server that speaks the part of
// Cloudflare's API the operations view reads in production, Workers Analytics Engine's SQL API
// (https://developers.cloudflare.com/analytics/analytics-engine/sql-api/): `POST
// /client/v4/accounts/<account id>/analytics_engine/sql` with `Authorization: Bearer <token>` and the
// query as the plain-text body, answered with `{ meta, data, rows }` (the query's `FORMAT JSON`). The
// real API cannot be reached offline; this stands in so the reader is tested over real HTTP from
// workerd. It runs no SQL: a test scripts the rows each query gets, by a piece of the query's text.
//
// Control (from the tests, which run in workerd and reach it by `fetch`):
//   POST /_control/script   { rules: [{ contains, data }] }   (the first rule whose text the query contains)
//   GET  /_control/received  → [{ path, authorization, body }]

export const ANALYTICS_ACCOUNT_ID = '0123456789abcdef0123456789abcdef'
export const ANALYTICS_TOKEN = 'analytics-test-token'

declare module 'vitest' {
  export interface ProvidedContext {
    analyticsApiUrl: string
  }
}

interface Rule {
  contains: string
  data: Array<Record<string, unknown>>
}

interface Received {
  path: string
  authorization: string | null
  body: string
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  request.setEncoding('utf8')
  for await (const chunk of request) text += chunk
  return text
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let rules: Rule[] = []
  const received: Received[] = []
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    const body = await readBody(request)
    if (url.pathname === '/_control/script' && request.method === 'POST') {
      rules = (JSON.parse(body) as { rules: Rule[] }).rules
      received.length = 0
      return reply(200, { ok: true })
    }
    if (url.pathname === '/_control/received') return reply(200, received)
    const path = `/client/v4/accounts/${ANALYTICS_ACCOUNT_ID}/analytics_engine/sql`
    if (request.method !== 'POST' || url.pathname !== path) {
      return reply(404, { success: false, errors: [{ code: 7003, message: 'Could not route to the path' }] })
    }
    received.push({ path: url.pathname, authorization: request.headers.authorization ?? null, body })
    if (request.headers.authorization !== `Bearer ${ANALYTICS_TOKEN}`) {
      return reply(401, { success: false, errors: [{ code: 10000, message: 'Authentication error' }] })
    }
    if (!/^SELECT\b[\s\S]* FORMAT JSON$/.test(body)) {
      return reply(400, { success: false, errors: [{ code: 1000, message: 'Unsupported query' }] })
    }
    const data = rules.find((rule) => body.includes(rule.contains))?.data ?? []
    const meta = Object.keys(data[0] ?? {}).map((name) => ({ name, type: 'String' }))
    return reply(200, { meta, data, rows: data.length, rows_before_limit_at_least: data.length })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('analytics API test server: no port')
  project.provide('analyticsApiUrl', `http://127.0.0.1:${address.port}/client/v4`)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
