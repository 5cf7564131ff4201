import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildModelInChild, DEFAULT_PROCESS_LIMITS } from '../src/isolated/build-in-child.ts'
import { defaultOptions } from '../src/options.ts'
import { writeGoodModels } from './fixtures.ts'
import { writeHostileModels } from './make-hostile.ts'

let dir: string
let files: Awaited<ReturnType<typeof writeGoodModels>>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairo-child-'))
  files = await writeGoodModels(join(dir, 'in'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const run = (name: string) => {
  const options = defaultOptions()
  options.poster.enabled = false
  return { outDir: join(dir, name), cacheDir: join(dir, `${name}-cache`), options, posters: false }
}

/** Linux's /proc clock: user-visible CPU times are in ticks of 1/100 s on every architecture. */
const USER_HZ = 100

/** CPU seconds of this process's finished children (cutime + cstime in /proc/self/stat). */
function childrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  // Fields after the command's closing parenthesis, from the 3rd (state): cutime is the 16th, cstime the 17th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[13]) + Number(fields[14])) / USER_HZ
}

/**
 * The CPU time `work` took in this process and in the children it waited for, in seconds. CPU
 * time, unlike a timer's delay, does not depend on what else the machine is running.
 */
async function cpuSplit<T>(work: () => Promise<T>): Promise<{ value: T; ownS: number; childrenS: number }> {
  const own = process.cpuUsage()
  const children = childrenCpuSeconds()
  const value = await work()
  const used = process.cpuUsage(own)
  return { value, ownS: (used.user + used.system) / 1e6, childrenS: childrenCpuSeconds() - children }
}

describe('a model built in a child process', () => {
  it('builds as in process, reporting its steps, the work done in the child and not the caller', async () => {
    let steps = 0
    const {
      value: result,
      ownS,
      childrenS,
    } = await cpuSplit(() => buildModelInChild(files.textured, { ...run('good'), onStep: () => steps++ }))
    expect(result.status).toBe('built')
    expect(result.manifest?.lods.length).toBeGreaterThan(1)
    for (const key of result.keys) expect(existsSync(join(dir, 'good', key)), key).toBe(true)
    expect(steps).toBeGreaterThan(3)
    // Texture encoding and simplification happened in the child: the caller only passed messages.
    expect(childrenS).toBeGreaterThan(4 * ownS)
  })

  it('ends a model refused by the pipeline as failed, with its reason', async () => {
    const [bomb] = (await writeHostileModels(join(dir, 'hostile'))).filter((h) =>
      h.file.endsWith('geometry-bomb.glb'),
    )
    if (!bomb) throw new Error('the hostile set has no geometry bomb')
    const result = await buildModelInChild(bomb.file, run('bomb'))
    expect(result.status).toBe('failed')
    expect(result.error).toMatch(bomb.reason)
  })

  it('stops processing at the time limit', async () => {
    const started = Date.now()
    const result = await buildModelInChild(files.textured, {
      ...run('slow'),
      limits: { ...DEFAULT_PROCESS_LIMITS, timeoutMs: 300 },
    })
    expect(result.status).toBe('failed')
    expect(result.error).toBe('took longer than 0.3 s (the time limit) and was stopped')
    expect(Date.now() - started).toBeLessThan(5000)
    expect(existsSync(join(dir, 'slow', 'models', 'textured', 'manifest.json'))).toBe(false)
  })

  it('stops processing at the memory limit', async () => {
    // Node alone needs more than 40 MiB: the child is stopped as it loads the pipeline.
    const result = await buildModelInChild(files.textured, {
      ...run('hungry'),
      limits: { ...DEFAULT_PROCESS_LIMITS, memoryMb: 40 },
    })
    expect(result.status).toBe('failed')
    expect(result.error).toBe('needed more than 40 MiB of memory (the limit) and was stopped')
  })
})
