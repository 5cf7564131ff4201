import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { acquireBuildLock } from './build-lock.ts'

let dir: string
let staging: string
const children: ChildProcess[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-build-lock-'))
  staging = join(dir, '.dist-staging')
})
afterEach(async () => {
  for (const child of children.splice(0)) child.kill()
  await rm(dir, { recursive: true, force: true })
})

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), sleep(ms).then(() => false)])

/** A process that stays alive until killed, as another build would be. */
async function otherProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  await new Promise((resolve) => child.once('spawn', resolve))
  return child as ChildProcess & { pid: number }
}

const lockFile = () => `${staging}.lock`

describe('acquireBuildLock', () => {
  it('makes a second build wait, telling who holds it, until the first releases it', async () => {
    const first = await acquireBuildLock(staging)
    const owners: Array<{ pid: number; file: string }> = []
    const second = acquireBuildLock(staging, ({ pid, file }) => owners.push({ pid, file }))
    expect(await settlesWithin(second, 600)).toBe(false)
    expect(owners).toEqual([{ pid: process.pid, file: lockFile() }])

    await first.release()
    expect(await settlesWithin(second, 1000)).toBe(true)
    // The lock is the second's now: a third waits in its turn.
    expect(await settlesWithin(acquireBuildLock(staging), 600)).toBe(false)
    await (await second).release()
  })

  it('waits for a build in another process, and takes the lock over once that process is gone', async () => {
    const other = await otherProcess()
    await writeFile(lockFile(), JSON.stringify({ pid: other.pid, since: new Date().toISOString() }))
    const waiting = acquireBuildLock(staging)
    expect(await settlesWithin(waiting, 600)).toBe(false)

    other.kill('SIGKILL')
    await new Promise((resolve) => other.once('exit', resolve))
    expect(await settlesWithin(waiting, 1000)).toBe(true)
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid })
    await (await waiting).release()
    await expect(stat(lockFile())).rejects.toThrow()
  })

  it('takes over a lock file its maker died before writing, once it is old', async () => {
    await writeFile(lockFile(), '')
    const waiting = acquireBuildLock(staging)
    expect(await settlesWithin(waiting, 600)).toBe(false)
    const old = new Date(Date.now() - 60_000)
    await utimes(lockFile(), old, old)
    expect(await settlesWithin(waiting, 1000)).toBe(true)
    await (await waiting).release()
  })
})
