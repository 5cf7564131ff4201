import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { WorkerConfig } from './config.ts'

// The four calls of the API Worker's `/internal/model-jobs` (api/src/routes/internal/), the only way
// this worker reaches the bucket and the queue. Expected answers are values; anything else (network
// failure, 5xx, an answer that is not the route's) throws a PipelineApiError.

/** A job the worker holds under a lease, as `POST /claim` answers it. */
export interface ClaimedJob {
  id: string
  versionId: string
  /** The version's file name as the client downloads it (sanitised by the upload). */
  fileName: string
  contentType: string
  bytes: number
  attempts: number
  lockedUntil: string
  sourceUrl: string
}

/** The job is no longer ours (its lease ran out and it was claimed again, or it finished). */
export type NotLeased = { ok: false; reason: 'not_leased' }
export type Answer = { ok: true } | NotLeased | { ok: false; reason: 'rejected'; message: string }

export class PipelineApiError extends Error {
  override name = 'PipelineApiError'
}

/** The routes as functions; one per worker. */
export interface PipelineApi {
  claim(): Promise<ClaimedJob | null>
  /** Streams the job's source into `file`; `missing` when the Worker has no object for it. */
  downloadSource(
    job: ClaimedJob,
    file: string,
  ): Promise<{ ok: true } | NotLeased | { ok: false; reason: 'missing' }>
  putOutput(jobId: string, name: string, file: string): Promise<Answer>
  complete(jobId: string, manifest: unknown): Promise<Answer>
  fail(jobId: string, reason: string, retry: boolean): Promise<Answer>
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } }
    return { code: body.error?.code ?? 'unknown', message: body.error?.message ?? response.statusText }
  } catch {
    return { code: 'unknown', message: response.statusText }
  }
}

/** Creates the client for `config.apiUrl`, every request bearing `config.token`. */
export function pipelineApi(config: WorkerConfig): PipelineApi {
  const base = `${config.apiUrl}/internal/model-jobs`
  const authorization = `Bearer ${config.token}`

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('authorization', authorization)
    let response: Response
    try {
      response = await fetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(120_000) })
    } catch (error) {
      throw new PipelineApiError(`cannot reach the API at ${config.apiUrl}: ${(error as Error).message}`)
    }
    if (response.status === 401) {
      throw new PipelineApiError(
        'the API refused the pipeline token (PIPELINE_TOKEN differs from the Worker’s)',
      )
    }
    if (response.status >= 500) {
      const { code } = await errorOf(response)
      throw new PipelineApiError(
        `the API answered ${response.status} (${code}) to ${init.method ?? 'GET'} ${path}`,
      )
    }
    return response
  }

  /** 2xx → ok, 409 not_leased, 4xx → rejected with the API's message. */
  async function answer(response: Response): Promise<Answer> {
    if (response.ok) {
      await response.body?.cancel()
      return { ok: true }
    }
    const { code, message } = await errorOf(response)
    if (response.status === 409 && code === 'not_leased') return { ok: false, reason: 'not_leased' }
    return { ok: false, reason: 'rejected', message: `${code}: ${message}` }
  }

  const postJson = (path: string, body: unknown) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  return {
    async claim() {
      const response = await call('/claim', { method: 'POST' })
      if (response.status === 204) return null
      if (response.status !== 200) {
        const { code } = await errorOf(response)
        throw new PipelineApiError(`claim answered ${response.status} (${code})`)
      }
      return ((await response.json()) as { job: ClaimedJob }).job
    },
    async downloadSource(job, file) {
      const response = await call(`/${job.id}/source`)
      if (response.status === 409) return { ok: false, reason: 'not_leased' }
      if (response.status === 404) return { ok: false, reason: 'missing' }
      if (!response.ok || !response.body) throw new PipelineApiError(`source answered ${response.status}`)
      await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(file))
      return { ok: true }
    },
    async putOutput(jobId, name, file) {
      // Outputs are a few megabytes at most (the pipeline's budgets); read whole, sent with their length.
      const bytes = await readFile(file)
      return answer(
        await call(`/${jobId}/outputs/${encodeURIComponent(name)}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) },
          body: bytes,
        }),
      )
    },
    async complete(jobId, manifest) {
      return answer(await postJson(`/${jobId}/complete`, { manifest }))
    },
    async fail(jobId, reason, retry) {
      return answer(await postJson(`/${jobId}/fail`, { reason: reason.slice(0, 500), retry }))
    },
  }
}
