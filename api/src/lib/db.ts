import { createDb, type DbClient } from '@kairo/db'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'

/**
 * Gives each request a lazily opened database client through Hyperdrive (`c.var.db()`), and closes
 * it after the response is produced (`waitUntil`), so no postgres.js client outlives its request or
 * is shared with another one. Requests that never touch the database open no connection.
 *
 * Note: the close is scheduled only after the handler finished (closing earlier would end the
 * connection under a query in flight), and `close()` never rejects (see `createDb`), so a socket
 * that workerd already tore down cannot surface as an unhandled rejection.
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let client: DbClient | undefined
    const onQuery = queryObserverOf(c.env)
    c.set('db', () => {
      client ??= createDb(c.env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 3, onQuery })
      return client
    })
    try {
      await next()
    } finally {
      if (client) c.executionCtx.waitUntil(client.close())
    }
  }
}

/**
 * A client of its own for a response whose body reads the database after the handler returned (a
 * streamed export): the request's client is closed by then. The caller closes it when the body ends.
 */
export function openStreamingDb(c: Context<AppEnv>): DbClient {
  return createDb(c.env.HYPERDRIVE.connectionString, {
    max: 1,
    connectTimeout: 3,
    onQuery: queryObserverOf(c.env),
  })
}

/**
 * The name of a test-only binding: a function called with each statement the request sends, so a
 * test can count one request's database round trips (api/test/support/count-queries.ts). Tests pass
 * it in the `env` of `app.request()`; no deployed Worker has a binding of this name (bindings are
 * strings, objects and services, never plain functions), so production never observes queries.
 */
export const QUERY_OBSERVER_BINDING = 'TEST_QUERY_OBSERVER'

function queryObserverOf(env: object | undefined): ((query: string) => void) | undefined {
  const observer = (env as Record<string, unknown> | undefined)?.[QUERY_OBSERVER_BINDING]
  return typeof observer === 'function' ? (observer as (query: string) => void) : undefined
}
