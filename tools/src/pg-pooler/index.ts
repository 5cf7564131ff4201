import { createServer, type Socket } from 'node:net'
import { ClientSession } from './client-session.ts'
import { ServerPool } from './pool.ts'
import { serverTarget } from './server-connection.ts'

/** Options of {@link startPgPooler}. */
export interface PgPoolerOptions {
  /** The real database (`postgres://user:password@host:port/database`). */
  databaseUrl: string
  /** Port to listen on (0: any free one; the returned `url` says which). */
  port: number
  /** Most server connections open at once (default 5). */
  size?: number
  /** Loopback only (default `127.0.0.1`): see the note in {@link startPgPooler}. */
  host?: string
  /** `application_name` of the server connections, to find them in `pg_stat_activity` (default `kairo-pg-pooler`). */
  applicationName?: string
}

export interface PgPooler {
  /** The URL clients connect to: the database URL's user and database, the pooler's address, no password. */
  url: string
  /** Closes the listener, every client and every server connection. */
  stop: () => Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/**
 * Starts a transaction-mode PostgreSQL pooler, the local stand-in for Cloudflare Hyperdrive's pool:
 * clients speak the v3 wire protocol to it, and each borrows one of at most `size` warm server
 * connections for one transaction (or one autocommitted statement) at a time, so a client that opens
 * a connection per request does not start a Postgres backend per request. Opens the first server
 * connection before it resolves, so a wrong URL or password fails here.
 *
 * Note: it accepts any client without a password (the server connections carry the real
 * credentials), so it listens on loopback only, as a development tool. Session state (SET, prepared
 * statements, advisory locks, LISTEN, temporary tables) does not survive from one transaction to the
 * next, as with Hyperdrive.
 */
export async function startPgPooler(options: PgPoolerOptions): Promise<PgPooler> {
  const { databaseUrl, port, size = 5, host = '127.0.0.1', applicationName = 'kairo-pg-pooler' } = options
  if (!LOOPBACK.has(host)) throw new Error(`pg-pooler: listens on loopback only, not ${host}`)
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`pg-pooler: size must be a positive integer, not ${size}`)
  const target = serverTarget(databaseUrl, applicationName)
  const pool = new ServerPool(target, size)
  const first = await pool.openFirst()
  const parameters = new Map(first.parameters)

  const clients = new Set<Socket>()
  const server = createServer((socket) => {
    clients.add(socket)
    socket.on('close', () => clients.delete(socket))
    new ClientSession(socket, pool, parameters)
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => resolve())
    })
  } catch (error) {
    await pool.stop()
    throw new Error(`pg-pooler: cannot listen on ${host}:${port}: ${(error as Error).message}`)
  }
  const address = server.address()
  const listening = typeof address === 'object' && address ? address.port : port

  const url = new URL(databaseUrl)
  url.password = ''
  url.hostname = host === '::1' ? '[::1]' : host
  url.port = String(listening)
  url.search = ''
  return {
    url: url.toString(),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const socket of clients) socket.destroy()
      await pool.stop()
      await closed
    },
  }
}
