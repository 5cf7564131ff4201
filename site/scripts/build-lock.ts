import { open, readFile, stat, unlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'

/** How often a waiting build looks at the lock again. */
const POLL_MS = 250
/** A lock file still without an owner after this long was left by a process that died making it. */
const UNWRITTEN_STALE_MS = 10_000

interface LockOwner {
  pid: number
  since: string
}

/** A held build lock; `release` removes it (once). */
export interface BuildLock {
  release(): Promise<void>
}

/**
 * One build at a time per staging folder (scripts/build.ts): the lock is the file `<staging>.lock`,
 * beside the folder (a full build empties the folder itself), made with `wx` so only one process can
 * create it, holding its owner's pid. A second build waits for it instead of taking the running
 * build's `building` state for an interrupted build and emptying the folder under it (whose sync
 * would then have removed live pages from `dist/`). A lock whose process is gone (a build killed
 * before it could remove it) is taken over.
 *
 * Note: written here rather than taken from a lock library: the one in wide use (proper-lockfile)
 * brings a second major of signal-exit into the workspace, and this needs no more than `wx` and a pid.
 */
export async function acquireBuildLock(
  staging: string,
  onWait: (owner: LockOwner & { file: string }) => void = () => {},
): Promise<BuildLock> {
  const file = `${staging}.lock`
  const mine: LockOwner = { pid: process.pid, since: new Date().toISOString() }
  let told = false
  for (;;) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(JSON.stringify(mine))
      await handle.close()
      let released = false
      return {
        async release() {
          if (released) return
          released = true
          await unlink(file).catch(() => {})
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const owner = await readOwner(file)
    if (!owner && (await ageMs(file)) > UNWRITTEN_STALE_MS) {
      await unlink(file).catch(() => {})
      continue
    }
    if (owner && !isRunning(owner.pid)) {
      // Gone without removing it. Read again just before: another waiter may have taken it over.
      const still = await readOwner(file)
      if (still?.pid === owner.pid && still.since === owner.since) await unlink(file).catch(() => {})
      continue
    }
    if (owner && !told) {
      told = true
      onWait({ ...owner, file })
    }
    // Held by a running build, or just made and not yet written: look again shortly.
    await sleep(POLL_MS)
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>
    return typeof owner.pid === 'number' && typeof owner.since === 'string'
      ? { pid: owner.pid, since: owner.since }
      : undefined
  } catch {
    return undefined
  }
}

const ageMs = async (file: string) =>
  stat(file).then(
    ({ mtimeMs }) => Date.now() - mtimeMs,
    () => 0,
  )

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
