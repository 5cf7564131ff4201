import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'

/** Seconds a client (or load balancer) should wait before asking again while the database is down. */
const RETRY_AFTER_SECONDS = 5

/**
 * `GET /api/health`: 200 `{ ok: true, db: 'up' }` after a real `select 1` through Hyperdrive;
 * 503 `{ ok: false, db: 'down', error }` with `Retry-After` when the database cannot be reached
 * (the connect timeout is short, so this answers within seconds rather than hanging).
 */
export const health = createRouter().get('/api/health', async (c) => {
  c.header('Cache-Control', 'no-store')
  try {
    await c.var.db().sql`select 1`
    return c.json({ ok: true as const, db: 'up' as const })
  } catch (error) {
    // Only the error's code or class name: driver messages can echo the host or user.
    const { code, name } = error as { code?: unknown; name?: unknown }
    log(c, 'warn', 'database unreachable', { cause: typeof code === 'string' ? code : String(name) })
    c.set('databaseFailed', true)
    c.header('Retry-After', String(RETRY_AFTER_SECONDS))
    return c.json(
      {
        ok: false as const,
        db: 'down' as const,
        ...errorBody('db_unavailable', 'The database is unreachable; try again shortly'),
      },
      503,
    )
  }
})
