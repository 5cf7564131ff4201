import { readdirSync, readFileSync } from 'node:fs'

// Reads the process tree from /proc (Linux): benchmarks measure a service together with whatever it
// spawned (pnpm → wrangler → workerd, next → its workers).

const PAGE_BYTES = 4096
/** `/proc/<pid>/stat` times are in clock ticks: 100 per second on Linux x86_64. */
const TICKS_PER_SECOND = 100

/** The fields of /proc/<pid>/stat after the parenthesised name (field 3 onwards). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** `root` and every live descendant of it. */
export function processTree(root: number): number[] {
  const parentOf = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      parentOf.set(Number(name), Number(statFields(Number(name))[1]))
    } catch {
      // Exited between the listing and the read.
    }
  }
  return [...parentOf.keys()].filter((pid) => {
    let current: number | undefined = pid
    while (current !== undefined && current > 1 && current !== root) current = parentOf.get(current)
    return current === root
  })
}

/** Resident memory of `root` and its descendants now, in bytes. */
export function treeRss(root: number): number {
  let total = 0
  for (const pid of processTree(root)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES
    } catch {
      // Exited.
    }
  }
  return total
}

/** CPU time (user + system) used so far by `root` and its live descendants, in seconds. */
export function treeCpuSeconds(root: number): number {
  let ticks = 0
  for (const pid of processTree(root)) {
    try {
      const fields = statFields(pid)
      // utime and stime are fields 14 and 15 of the whole line, 12 and 13 here.
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // Exited.
    }
  }
  return ticks / TICKS_PER_SECOND
}
