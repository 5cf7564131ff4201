import { spawn } from 'node:child_process'
import { treeRss } from '../lib/process-tree.ts'

export interface MeasuredRun {
  code: number | null
  seconds: number
  /** Highest sum of resident memory over the process and all its descendants, sampled every 100 ms. */
  peakRssBytes: number
  output: string
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
