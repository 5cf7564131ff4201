import { createServer, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One answer as the loaders read it: status, content type and the body (JSON parsed, else base64). */
export interface RecordedResponse {
  status: number
  contentType: string
  json?: unknown
  base64?: string
}

export interface RecordingProxy {
  /** The origin to use as CMS_URL. */
  url: string
  /** Requests since the last `reset()`: REST reads and media file downloads. */
  counts: () => { api: number; files: number }
  /** Every answer since the last `reset()`, by path and query. */
  recorded: Map<string, RecordedResponse>
  reset: () => void
  close: () => Promise<void>
}

/**
 * A tiny HTTP proxy in front of the CMS that counts the requests a build makes and keeps their
 * answers, so the same build can later be served from a file. It asks the CMS for uncompressed
 * bodies (identity encoding) so what it stores is exactly what the loaders parse.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target)
  let api = 0
  let files = 0
  const recorded = new Map<string, RecordedResponse>()
  const server = createServer((req, res) => {
    const path = req.url ?? '/'
    // Files (media and the models' LODs and posters) are downloads the build caches, not reads of
    // content: the first build fetches each once, later builds none.
    if (/^\/api\/(media\/file|model-assets)\//.test(path)) files++
    else api++
    const headers = { ...req.headers, host: upstream.host }
    delete headers['accept-encoding']
    const forward = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, path, method: req.method, headers },
      (answer) => {
        const chunks: Buffer[] = []
        answer.on('data', (chunk: Buffer) => chunks.push(chunk))
        answer.on('end', () => {
          const body = Buffer.concat(chunks)
          const contentType = String(answer.headers['content-type'] ?? 'application/octet-stream')
          recorded.set(path, {
            status: answer.statusCode ?? 502,
            contentType,
            ...(contentType.includes('json')
              ? { json: JSON.parse(body.toString('utf8')) }
              : { base64: body.toString('base64') }),
          })
        })
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${error.message}`)
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ api, files }),
    recorded,
    reset: () => {
      api = 0
      files = 0
      recorded.clear()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
