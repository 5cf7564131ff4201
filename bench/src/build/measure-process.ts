import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export interface MeasuredRun {
  code: number | null
  seconds: number
  /** Highest sum of resident memory over the process and all its descendants, sampled every 100 ms. */
  peakRssBytes: number
  output: string
}

const PAGE_BYTES = 4096

/** Parent pid of every process, from /proc/<pid>/stat (field 4, after the parenthesised name). */
function parents(): Map<number, number> {
  const map = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      map.set(Number(name), ppid)
    } catch {
      // Exited between the listing and the read.
    }
  }
  return map
}

/** Resident memory of `root` and its descendants now, in bytes. */
function treeRss(root: number): number {
  const parentOf = parents()
  let total = 0
  for (const pid of parentOf.keys()) {
    let current: number | undefined = pid
    while (current !== undefined && current > 1 && current !== root) current = parentOf.get(current)
    if (current !== root) continue
    try {
      const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1])
      total += resident * PAGE_BYTES
    } catch {
      // Exited.
    }
  }
  return total
}

/** Runs a command to completion, timing it and sampling its process tree's resident memory. */
export function measure(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<MeasuredRun> {
  const started = performance.now()
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  let peakRssBytes = 0
  const sample = () => {
    if (child.pid !== undefined) peakRssBytes = Math.max(peakRssBytes, treeRss(child.pid))
  }
  const timer = setInterval(sample, 100)
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer)
      resolve({ code, seconds: (performance.now() - started) / 1000, peakRssBytes, output })
    })
  })
}
