import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { logLine, UserFacingError } from './log.ts'

export interface ServiceOptions {
  /** Short prefix for its log lines: `cms`, `site`, `api`. */
  name: string
  command: string
  args: string[]
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Lines matching this are dropped (known harmless noise). */
  mute?: RegExp
  /** Whether to print the service's output at all (tests keep only the last lines for errors). */
  quiet?: boolean
  /** Called with every line it prints (to wait for a line announcing a stage). */
  onLine?: (line: string) => void
  /**
   * Whether it is expected to end by itself (a build step). A service that is not, and ends before
   * `stop()`, is reported on stderr with its last lines even when quiet: in a test run that line is
   * what explains the connection errors that follow.
   */
  endsByItself?: boolean
}

export interface Service {
  name: string
  child: ChildProcess
  /** The last lines it printed, for error messages. */
  tail: () => string
  exited: Promise<number | null>
  stop: () => Promise<void>
}

/**
 * Starts a long-running child in its own process group, prefixing each of its output lines with the
 * service's name, so `stop()` can end it together with whatever it spawned (next, workerd, vite).
 */
export function startService(options: ServiceOptions): Service {
  const { name, command, args, cwd, env, mute, quiet = false, onLine, endsByItself = false } = options
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, FORCE_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let lines: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue
    createInterface({ input: stream }).on('line', (line) => {
      lines = [...lines, line].slice(-30)
      onLine?.(line)
      if (!quiet && !(mute?.test(line) ?? false)) logLine(name, line)
    })
  }
  let stopping = false
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping && !endsByItself) {
        const how = signal ? `signal ${signal}` : `exit code ${code}`
        process.stderr.write(`[${name}] ended unexpectedly (${how}); its last lines:\n${lines.join('\n')}\n`)
      }
      resolve(code)
    })
    // A command that could not be started (not on PATH, say) ends with 'error' and no 'exit'; its
    // reason becomes its last line, which the caller's one-line error quotes.
    child.once('error', (error) => {
      if (child.pid !== undefined) return
      const line = `could not start ${command}: ${error.message}`
      lines = [...lines, line]
      if (!quiet) logLine(name, line)
      resolve(child.exitCode)
    })
  })
  const stop = async () => {
    stopping = true
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    signalGroup(child.pid, 'SIGTERM')
    const timer = setTimeout(() => child.pid && signalGroup(child.pid, 'SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  return { name, child, tail: () => lines.join('\n'), exited, stop }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Runs a command to completion, its output prefixed (or kept quiet), and fails with a
 * `UserFacingError` that quotes its last lines when it exits non-zero.
 */
export async function runStep(options: ServiceOptions & { what: string }): Promise<void> {
  const service = startService({ ...options, endsByItself: true })
  const code = await service.exited
  if (code !== 0) {
    const tail = options.quiet ? `\n${service.tail()}` : ''
    // A negative code is the errno of a command that could not be started; its tail says why.
    const how = code !== null && code < 0 ? 'could not be started' : `exit code ${code}`
    throw new UserFacingError(`${options.what} failed (${how})${tail}`)
  }
}

/**
 * Polls `url` until it answers with a status `ready` accepts (by default any below 500), or fails
 * naming the service and quoting its last output.
 */
export async function waitForHttp(
  url: string,
  service: Service,
  timeoutMs: number,
  ready: (status: number) => boolean = (status) => status < 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new UserFacingError(`${service.name} exited before it was ready:\n${service.tail()}`)
    }
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
      if (ready(response.status)) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new UserFacingError(
    `${service.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s:\n${service.tail()}`,
  )
}
