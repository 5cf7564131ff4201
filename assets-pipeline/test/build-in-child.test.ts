import { existsSync } from 'node:fs'
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

/** The parent's event loop delay at its worst while `work` runs, in ms. */
async function worstLag<T>(work: Promise<T>): Promise<{ value: T; lagMs: number }> {
  let lagMs = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    lagMs = Math.max(lagMs, now - last - 10)
    last = now
  }, 10)
  try {
    return { value: await work, lagMs }
  } finally {
    clearInterval(timer)
  }
}

describe('a model built in a child process', () => {
  it('builds as in process, reporting its steps, while the caller stays responsive', async () => {
    let steps = 0
    const { value: result, lagMs } = await worstLag(
      buildModelInChild(files.textured, { ...run('good'), onStep: () => steps++ }),
    )
    expect(result.status).toBe('built')
    expect(result.manifest?.lods.length).toBeGreaterThan(1)
    for (const key of result.keys) expect(existsSync(join(dir, 'good', key)), key).toBe(true)
    expect(steps).toBeGreaterThan(3)
    // Texture encoding and simplification happened in the child: the caller's timers kept time.
    expect(lagMs).toBeLessThan(250)
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
