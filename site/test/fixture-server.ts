import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A case-study document as Payload's REST API returns it (depth=0). */
export type FixtureDoc = Record<string, unknown> & { slug: string; _status?: string }

export interface FixtureServer {
  /** Origin to use as CMS_URL. */
  url: string
  /** Every request's path and query, in order. */
  requests: string[]
  docs: FixtureDoc[]
  /** When set, every request is answered with this status and an error body. */
  failWith: number | null
  close(): Promise<void>
}

export const FIXTURE_DOCS: FixtureDoc[] = JSON.parse(
  readFileSync(new URL('./fixtures/case-studies.json', import.meta.url), 'utf8'),
)

/**
 * Starts a stand-in for Payload's REST API on 127.0.0.1 (a free port): `GET /api/case-studies`
 * answers `{ docs }`, honouring `where[_status][equals]` the way Payload does, so a loader that
 * forgets the filter would see the drafts.
 */
export async function startFixtureServer(
  docs: FixtureDoc[] = structuredClone(FIXTURE_DOCS),
): Promise<FixtureServer> {
  const state = { requests: [] as string[], docs, failWith: null as number | null }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    state.requests.push(`${url.pathname}${url.search}`)
    res.setHeader('content-type', 'application/json')
    if (state.failWith !== null) {
      res.writeHead(state.failWith).end(JSON.stringify({ errors: [{ message: 'Something went wrong.' }] }))
      return
    }
    if (url.pathname !== '/api/case-studies') {
      res.writeHead(404).end(JSON.stringify({ errors: [{ message: 'Not Found' }] }))
      return
    }
    const status = url.searchParams.get('where[_status][equals]')
    const found = status ? state.docs.filter((doc) => doc._status === status) : state.docs
    res.writeHead(200).end(JSON.stringify({ docs: found, totalDocs: found.length, hasNextPage: false }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

// `node test/fixture-server.ts` serves the fixtures for a manual `CMS_URL=... astro build`.
if (import.meta.main) {
  const fixture = await startFixtureServer()
  console.log(`Fixture CMS on ${fixture.url} (Ctrl-C to stop)`)
}
