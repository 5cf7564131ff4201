import { createDb, type DbClient } from '@kairo/db'
import type { MiddlewareHandler } from 'hono'
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
    c.set('db', () => {
      client ??= createDb(c.env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 3 })
      return client
    })
    try {
      await next()
    } finally {
      if (client) c.executionCtx.waitUntil(client.close())
    }
  }
}
