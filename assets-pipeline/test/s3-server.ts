import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import S3rver from 's3rver'
import type { UploadConfig } from '../src/upload/env.ts'

export const BUCKET = 'kairo-assets'

/** A real S3-compatible server (s3rver) on loopback, with a fresh bucket. */
export async function startS3(
  directory: string,
): Promise<{ config: UploadConfig; close: () => Promise<void> }> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  })
  const { port } = await server.run()
  return {
    config: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket: BUCKET,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      region: 'auto',
      forcePathStyle: true,
    },
    close: () => server.close(),
  }
}

/**
 * A loopback proxy in front of the S3 server that answers `status` (503 unless told: an outage, a
 * flaky network; 403: a bucket that refuses) to the requests `fail` picks, by their running number
 * and method, on demand.
 */
export async function startFaultyProxy(
  target: string,
  fail: (n: number, request: IncomingMessage) => boolean,
  status = 503,
): Promise<{ endpoint: string; requests: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target)
  let count = 0
  const server: Server = createServer((req, res) => {
    count++
    if (fail(count, req)) {
      req.resume()
      const code = status === 503 ? 'ServiceUnavailable' : 'AccessDenied'
      res.writeHead(status, { 'content-type': 'application/xml' })
      res.end(`<?xml version="1.0"?><Error><Code>${code}</Code><Message>injected</Message></Error>`)
      return
    }
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        // A connection of its own: a kept-alive one could be reused just as the server closes it.
        agent: false,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers)
        reply.pipe(res)
        reply.on('error', () => res.destroy())
      },
    )
    // Either side going away ends the other; an error is never left unhandled (it would end the run).
    forward.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()))
    req.on('error', () => forward.destroy())
    res.on('close', () => forward.destroy())
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
