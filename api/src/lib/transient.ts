import pRetry from 'p-retry'

// SQLSTATEs that mean "the server could not take this connection now", not "this query is wrong":
// too_many_connections, cannot_connect_now (starting up), and the connection_exception class.
const TRANSIENT_SQLSTATES = new Set(['53300', '57P03', '08000', '08001', '08003', '08004', '08006'])
// postgres.js's own codes for a connection that never opened or was lost.
const TRANSIENT_CLIENT_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
])

// workerd's sockets fail without a code: a refused or dropped TCP connection is only a message.
const WORKERD_SOCKET_FAILURE = /^(connection attempt failed|network connection lost)/i

/** The error and its causes (Drizzle wraps the driver's error in `cause`), nearest first. */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    yield current as { code?: unknown; message?: unknown }
    current = (current as { cause?: unknown }).cause
  }
}

/**
 * Whether a database failure is about reaching the server (worth a retry, or a 503) rather than about
 * the query. Locally every request opens its own connection (no Hyperdrive pool), so a burst can hit
 * Postgres's `max_connections`; in production Hyperdrive queues instead, and this still covers a
 * failover or a restart.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  for (const { code, message } of causes(error)) {
    if (typeof code === 'string') return TRANSIENT_SQLSTATES.has(code) || TRANSIENT_CLIENT_CODES.has(code)
    if (typeof message === 'string' && WORKERD_SOCKET_FAILURE.test(message)) return true
  }
  return false
}

/** How long a client should wait before trying again after a transient database failure. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/**
 * Runs `work` again on a transient database failure: up to 6 attempts over about 3 s, with jittered
 * exponential backoff so a burst of requests does not retry in lockstep. Only idempotent work may be
 * retried (the contact form's store is, through its idempotency key). Other errors fail at once.
 */
export function retryTransient<T>(work: () => Promise<T>): Promise<T> {
  return pRetry(work, {
    retries: 5,
    minTimeout: 100,
    factor: 2,
    maxTimeout: 1_000,
    randomize: true,
    shouldRetry: ({ error }) => isTransientDatabaseError(error),
  })
}
