import { once } from 'node:events'
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NodeIO } from '@gltf-transform/core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ClaimedJob, pipelineApi } from '../src/deliverable-worker/api-client.ts'
import { workerConfigFromEnv } from '../src/deliverable-worker/config.ts'
import { runWorkerLoop } from '../src/deliverable-worker/loop.ts'
import type { JobOutcome } from '../src/deliverable-worker/process-job.ts'
import type { ModelManifest } from '../src/manifest.ts'
import { makeCube } from './make-cube.ts'
import { makeSphere } from './make-models.ts'

// The deliverable worker's loop against a stand-in for the API Worker's /internal/model-jobs (the
// same four routes, the same answers, in memory), so the test needs no workerd and no database: the
// Worker's side is tested in api/test/model-jobs.test.ts. One real build (a small textured cube, with
// its poster in headless Chromium), one model the pipeline rejects, and one fault on our side.

const TOKEN = 'worker-test-token-0123456789abcdef-0123456789'
const OUTPUT_NAME = /^(?:lod[0-9]\.glb|poster-[1-9][0-9]{1,3}\.(?:avif|webp))$/

interface FakeJob {
  job: ClaimedJob
  source: Uint8Array
  state: 'queued' | 'running' | 'done' | 'failed'
  outputs: Map<string, Buffer>
  manifest?: ModelManifest
  failures: Array<{ reason: string; retry: boolean }>
}

/** The API Worker's internal routes, in memory. */
class FakeApi {
  readonly jobs: FakeJob[] = []
  server!: Server
  origin = ''
  unauthorized = 0

  add(fileName: string, source: Uint8Array): FakeJob {
    const id = crypto.randomUUID()
    const fake: FakeJob = {
      job: {
        id,
        versionId: crypto.randomUUID(),
        fileName,
        contentType: 'model/gltf-binary',
        bytes: source.byteLength,
        attempts: 0,
        lockedUntil: '',
        sourceUrl: '',
      },
      source,
      state: 'queued',
      outputs: new Map(),
      failures: [],
    }
    this.jobs.push(fake)
    return fake
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request)
        .then(({ status, body, type }) => {
          response.writeHead(status, type ? { 'content-type': type } : {})
          response.end(body)
        })
        .catch((error: Error) => {
          response.writeHead(500, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ error: { code: 'internal_error', message: error.message } }))
        })
    })
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  private async handle(
    request: IncomingMessage,
  ): Promise<{ status: number; body?: Buffer | string; type?: string }> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const json = (status: number, value: unknown) => ({
      status,
      body: JSON.stringify(value),
      type: 'application/json',
    })
    const error = (status: number, code: string) => json(status, { error: { code, message: code } })
    if (request.headers.authorization !== `Bearer ${TOKEN}`) {
      this.unauthorized++
      return error(401, 'unauthorized')
    }
    const path = new URL(request.url ?? '/', this.origin).pathname.replace(/^\/internal\/model-jobs/, '')
    if (request.method === 'POST' && path === '/claim') {
      const due = this.jobs.find((fake) => fake.state === 'queued')
      if (!due) return { status: 204 }
      due.state = 'running'
      due.job.attempts++
      return json(200, {
        job: { ...due.job, sourceUrl: `${this.origin}/internal/model-jobs/${due.job.id}/source` },
      })
    }
    const [, id, action, name] = path.split('/')
    const fake = this.jobs.find((candidate) => candidate.job.id === id && candidate.state === 'running')
    if (!fake) return error(409, 'not_leased')
    if (request.method === 'GET' && action === 'source') {
      return { status: 200, body: Buffer.from(fake.source), type: fake.job.contentType }
    }
    if (request.method === 'PUT' && action === 'outputs' && name) {
      if (!OUTPUT_NAME.test(decodeURIComponent(name))) return error(400, 'invalid_output_name')
      if (Number(request.headers['content-length']) !== body.byteLength) return error(411, 'length_required')
      fake.outputs.set(decodeURIComponent(name), body)
      return { status: 204 }
    }
    if (request.method === 'POST' && action === 'complete') {
      const manifest = (JSON.parse(body.toString()) as { manifest: ModelManifest }).manifest
      const named = [...manifest.lods, ...(manifest.poster?.images ?? [])].map((entry) => entry.key)
      if (named.some((key) => !fake.outputs.has(key))) return error(422, 'outputs_missing')
      fake.manifest = manifest
      fake.state = 'done'
      return json(200, { id, state: 'done' })
    }
    if (request.method === 'POST' && action === 'fail') {
      const failure = JSON.parse(body.toString()) as { reason: string; retry: boolean }
      fake.failures.push(failure)
      fake.state = failure.retry && fake.job.attempts < 3 ? 'queued' : 'failed'
      return json(200, { id, state: fake.state })
    }
    return error(404, 'not_found')
  }
}

const api = new FakeApi()
let temp: string
let workTemp: string

beforeAll(async () => {
  await api.start()
  temp = await mkdtemp(join(tmpdir(), 'kairo-worker-test-'))
  workTemp = join(temp, 'work')
  await mkdir(workTemp)
})

afterAll(async () => {
  api.server.close()
  await rm(temp, { recursive: true, force: true })
})

/** Runs the loop until `count` jobs have an outcome, then stops it as SIGTERM would. */
async function runUntil(count: number, options: Partial<Parameters<typeof runWorkerLoop>[0]> = {}) {
  const controller = new AbortController()
  const outcomes = new Map<string, JobOutcome | 'error'>()
  const all: Array<JobOutcome | 'error'> = []
  const lines: string[] = []
  await runWorkerLoop({
    api: pipelineApi({ apiUrl: api.origin, token: TOKEN }),
    signal: controller.signal,
    minIdleMs: 20,
    maxIdleMs: 100,
    tempDir: workTemp,
    log: (line) => lines.push(line),
    onJob: (jobId, outcome) => {
      outcomes.set(jobId, outcome)
      all.push(outcome)
      if (all.length >= count) controller.abort()
    },
    ...options,
  })
  return { outcomes, all, lines }
}

describe('the deliverable worker', () => {
  it('builds a model into a version’s viewer files and rejects a broken one with the pipeline’s reason', async () => {
    const glb = await new NodeIO().writeBinary(makeCube({ textureSize: 16 }))
    const good = api.add('Rover Model (final).glb', glb)
    const broken = api.add('broken.glb', new TextEncoder().encode('this is not a glTF binary at all'))

    const { outcomes, lines } = await runUntil(2)
    expect(outcomes.get(good.job.id)).toBe('ready')
    expect(outcomes.get(broken.job.id)).toBe('failed')

    // Every level and the poster, under the fixed names the Worker accepts.
    expect(good.state).toBe('done')
    expect([...good.outputs.keys()].sort()).toEqual([
      'lod0.glb',
      'lod1.glb',
      'lod2.glb',
      'poster-1200.avif',
      'poster-1200.webp',
      'poster-600.avif',
      'poster-600.webp',
    ])
    const manifest = good.manifest as ModelManifest
    expect(manifest.lods.map((lod) => [lod.key, lod.url])).toEqual([
      ['lod0.glb', 'lod0.glb'],
      ['lod1.glb', 'lod1.glb'],
      ['lod2.glb', 'lod2.glb'],
    ])
    expect(manifest.source.file).toBe('Rover Model (final).glb')
    expect(manifest.poster).toMatchObject({ width: 1200, height: 900 })
    const poster = await sharp(good.outputs.get('poster-1200.webp') as Buffer).metadata()
    expect(poster).toMatchObject({ format: 'webp', width: 1200, height: 900 })
    // The smallest level is a GLB a browser can load.
    const lod2 = good.outputs.get('lod2.glb') as Buffer
    expect(lod2.subarray(0, 4).toString()).toBe('glTF')

    // The broken file: failed for good, in words the client reads, naming no server path.
    expect(broken.state).toBe('failed')
    expect(broken.failures).toHaveLength(1)
    const [failure] = broken.failures
    expect(failure?.retry).toBe(false)
    expect(failure?.reason).toBe('broken.glb is not a GLB file (no glTF magic)')
    expect(failure?.reason).not.toContain(workTemp)
    expect(broken.outputs.size).toBe(0)

    // Each job's temp folder is gone; the log never carries the token.
    expect(await readdir(workTemp)).toEqual([])
    expect(lines.join('\n')).not.toContain(TOKEN)
  }, 300_000)

  it('reports a fault on its own side for a retry, and the job is claimed again', async () => {
    const glb = await new NodeIO().writeBinary(makeSphere(12, 6))
    const job = api.add('sphere.glb', glb)
    // The build's child process inherits a browser setting that names no browser: its poster cannot
    // be rendered, which is this side's fault, not the model's.
    const configured = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = join(workTemp, 'no-such-chromium')
    try {
      const { all, lines } = await runUntil(2)
      expect(all).toEqual(['retry', 'retry'])
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^job ${job.job.id}: failed unexpectedly \\(CHROMIUM_PATH is .*no-such-chromium, which is not an executable file`,
          ),
        ),
      )
    } finally {
      if (configured === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = configured
    }
    expect(job.job.attempts).toBe(2)
    expect(job.failures.map((f) => f.retry)).toEqual([true, true])
    expect(job.failures[0]?.reason).toBe('sphere.glb could not be processed because of an error on our side')
    expect(await readdir(workTemp)).toEqual([])
    job.state = 'failed'
  }, 120_000)

  it('fails a model over the time limit for good, saying so', async () => {
    const glb = await new NodeIO().writeBinary(makeSphere(24, 12))
    const job = api.add('slow sphere.glb', glb)
    const { all } = await runUntil(1, { limits: { memoryMb: 3072, timeoutMs: 300 } })
    expect(all).toEqual(['failed'])
    expect(job.failures).toEqual([
      { reason: 'slow sphere.glb took longer than 0.3 s (the time limit) and was stopped', retry: false },
    ])
    expect(job.outputs.size).toBe(0)
    expect(await readdir(workTemp)).toEqual([])
  }, 120_000)

  it('waits with backoff while idle and stops at once when told to', async () => {
    const controller = new AbortController()
    const counting = pipelineApi({ apiUrl: api.origin, token: TOKEN })
    const claimedAt: number[] = []
    let fifthClaim: () => void = () => {}
    const fifth = new Promise<void>((resolve) => {
      fifthClaim = resolve
    })
    const loop = runWorkerLoop({
      api: {
        ...counting,
        claim: () => {
          if (claimedAt.push(performance.now()) === 5) fifthClaim()
          return counting.claim()
        },
      },
      signal: controller.signal,
      minIdleMs: 50,
      maxIdleMs: 200,
    })
    await fifth
    // A timer never fires early, so these lower bounds hold however busy the machine is.
    const gaps = claimedAt.slice(1).map((at, i) => at - (claimedAt[i] ?? at))
    const waits = [50, 100, 200, 200]
    for (const [i, wait] of waits.entries()) expect(gaps[i]).toBeGreaterThanOrEqual(wait - 1)
    controller.abort()
    await loop

    // A loop in a ten-minute wait ends when aborted, not when the wait is over.
    const idle = new AbortController()
    let claimed: () => void = () => {}
    const firstClaim = new Promise<void>((resolve) => {
      claimed = resolve
    })
    const started = performance.now()
    const waiting = runWorkerLoop({
      api: {
        ...counting,
        claim: async () => {
          const job = await counting.claim()
          claimed()
          return job
        },
      },
      signal: idle.signal,
      minIdleMs: 10 * 60_000,
    })
    await firstClaim
    idle.abort()
    await waiting
    expect(performance.now() - started).toBeLessThan(60_000)
  })

  it('keeps polling through a refused token, and reads its settings once, naming what is wrong', async () => {
    const before = api.unauthorized
    const controller = new AbortController()
    const lines: string[] = []
    const loop = runWorkerLoop({
      api: pipelineApi({ apiUrl: api.origin, token: 'x'.repeat(40) }),
      signal: controller.signal,
      minIdleMs: 20,
      log: (line) => lines.push(line),
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    controller.abort()
    await loop
    expect(api.unauthorized).toBeGreaterThan(before)
    expect(lines[0]).toContain('refused the pipeline token')
    expect(lines.join('\n')).not.toContain('x'.repeat(40))

    expect(() => workerConfigFromEnv({})).toThrow(/PIPELINE_API_URL .*PIPELINE_TOKEN/)
    expect(() =>
      workerConfigFromEnv({
        PIPELINE_API_URL: 'http://127.0.0.1:8787/x',
        PIPELINE_TOKEN: 'replace-with-a-token-of-32-characters',
      }),
    ).toThrow(/PIPELINE_TOKEN/)
    expect(
      workerConfigFromEnv({ PIPELINE_API_URL: 'http://127.0.0.1:8787/', PIPELINE_TOKEN: TOKEN }),
    ).toEqual({
      apiUrl: 'http://127.0.0.1:8787',
      token: TOKEN,
    })
  })
})
