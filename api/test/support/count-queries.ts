import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../src/app.ts'
import { QUERY_OBSERVER_BINDING } from '../../src/lib/db.ts'

// Counts the database round trips of one request: the app's per-request client reports each
// statement it sends to an observer passed as a test-only binding (see `src/lib/db.ts`). With
// `prepare: false` and the patched postgres.js (patches/README.md) every statement is one round trip
// (parse, bind and execute go in one flight; drizzle/test/one-flight.test.ts proves it), so the count
// is the number of times the request waited on Postgres. Concurrent requests never mix: each request
// gets its own observer.

/** One request's answer and the statements it sent to Postgres, in order. */
export interface CountedResponse {
  response: Response
  queries: string[]
}

/** Sends `path` through the app (waiting for its `waitUntil` work) and records its statements. */
export async function requestCountingQueries(
  path: string,
  init?: RequestInit,
  bindings: Cloudflare.Env = env,
): Promise<CountedResponse> {
  const queries: string[] = []
  const observed = { ...bindings, [QUERY_OBSERVER_BINDING]: (query: string) => queries.push(query) }
  const ctx = createExecutionContext()
  const response = await app.request(path, init, observed, ctx)
  await waitOnExecutionContext(ctx)
  return { response, queries }
}
