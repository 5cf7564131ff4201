import { fork } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type ModelResult, UNEXPECTED_FAILURE } from '../build-types.ts'
import { modelName } from '../validate/source.ts'
import type { ChildMessage, ChildRequest } from './messages.ts'

/** How much one model's processing may take before it is stopped. */
export interface ProcessLimits {
  /** Resident memory of the child process (and its JavaScript heap), in MiB. */
  memoryMb: number
  /** Wall-clock time, in ms. */
  timeoutMs: number
}

/**
 * Generous for any model within the input limits (the largest test model, FlightHelmet, peaks near
 * 600 MiB while its textures encode), and short of the CMS's 15-minute processing lease.
 */
export const DEFAULT_PROCESS_LIMITS: ProcessLimits = { memoryMb: 3072, timeoutMs: 10 * 60_000 }

/** How often the child's resident memory is read. */
const MEMORY_POLL_MS = 200

export interface ChildBuildOptions extends Omit<ChildRequest, 'file'> {
  limits?: ProcessLimits
  /** Called as each pipeline step starts (a heartbeat for the caller's lease). */
  onStep?: () => void
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url))

/** How a result's error begins when the fault is on the processing side, not in the model. */
const OWN_FAULTS = [UNEXPECTED_FAILURE, 'processing stopped unexpectedly', 'could not start its processing']

/**
 * Whether a failed result's error is a fault on the processing side (a crash, a browser that would
 * not start): worth another try, unlike a model the pipeline refused or one over a limit.
 */
export function isProcessingFault(error: string): boolean {
  return OWN_FAULTS.some((start) => error.startsWith(start))
}

/** The resident memory of a process in MiB, from Linux's /proc; null where there is none. */
async function residentMb(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null)
  const kb = status ? /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] : undefined
  return kb ? Number(kb) / 1024 : null
}

/**
 * Builds one untrusted model in a child process with a memory and a time limit, and returns its
 * result as `buildModels` would. A model that takes longer, or needs more memory (resident, read
 * every 200 ms on Linux; the JavaScript heap everywhere, through `--max-old-space-size`), has its
 * process killed and ends `failed` with the limit it crossed; so does a child that dies on its own
 * (a decoder's crash). The caller's process allocates nothing for the model and is never blocked.
 */
export function buildModelInChild(file: string, options: ChildBuildOptions): Promise<ModelResult> {
  const { limits = DEFAULT_PROCESS_LIMITS, onStep, ...request } = options
  const started = Date.now()
  const failed = (error: string): ModelResult => ({
    file,
    name: modelName(file),
    status: 'failed',
    error,
    keys: [],
    ms: Date.now() - started,
  })
  return new Promise((settle) => {
    // Its own flags only (not a host's, such as Next's), its output to the caller's stderr.
    const child = fork(CHILD, [], {
      execArgv: [`--max-old-space-size=${limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let result: ModelResult | undefined
    let stopped: string | undefined
    let settled = false
    const resolve = (value: ModelResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(poll)
      settle(value)
    }
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk)
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    const stop = (reason: string) => {
      stopped ??= reason
      child.kill('SIGKILL')
    }
    const timer = setTimeout(
      () =>
        stop(
          `took longer than ${Number((limits.timeoutMs / 1000).toFixed(1))} s (the time limit) and was stopped`,
        ),
      limits.timeoutMs,
    )
    const poll = setInterval(async () => {
      const mb = child.pid === undefined ? null : await residentMb(child.pid)
      if (mb !== null && mb > limits.memoryMb) {
        stop(`needed more than ${limits.memoryMb} MiB of memory (the limit) and was stopped`)
      }
    }, MEMORY_POLL_MS)
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'step') onStep?.()
      else result = message.result
    })
    child.on('error', (error) => {
      // A child that never started emits no 'exit': answer now.
      if (child.pid === undefined) resolve(failed(`could not start its processing (${error.message})`))
      else stop(`could not start its processing (${error.message})`)
    })
    child.on('exit', (code, signal) => {
      if (stopped) return resolve(failed(stopped))
      if (result) return resolve(result)
      // V8 prints "JavaScript heap out of memory" and aborts when the heap limit is reached.
      if (/heap out of memory|Reached heap limit/.test(stderr)) {
        return resolve(
          failed(`needed more than ${limits.memoryMb} MiB of memory (the limit) and was stopped`),
        )
      }
      resolve(failed(`processing stopped unexpectedly (${signal ?? `exit code ${code}`})`))
    })
    child.send({ ...request, file } satisfies ChildRequest)
  })
}
