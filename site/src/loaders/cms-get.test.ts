import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { CMS_GET_RETRIES, cmsGet, fetchFailure } from './cms-get.ts'

let close: (() => void) | undefined
afterEach(() => close?.())

/** A CMS on loopback answering the n-th request (from 1) as `answer` says; returns its URL and the count. */
async function cms(answer: (n: number, request: IncomingMessage, response: ServerResponse) => void) {
  let count = 0
  const server = createServer((request, response) => answer(++count, request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  close = () => server.close()
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/api/media/file/a.webp`, requests: () => count }
}

describe('cmsGet', () => {
  it('asks again after a connection cut without an answer, and gets the file', async () => {
    const server = await cms((n, request, response) => {
      if (n === 1) request.socket.destroy()
      else response.end('the bytes')
    })
    const response = await cmsGet(server.url, 5000)
    expect(await response.text()).toBe('the bytes')
    expect(server.requests()).toBe(2)
  })

  it('asks again while the CMS says it is busy, and gives the last busy answer when it stays so', async () => {
    const busyTwice = await cms((n, _, response) => {
      response.statusCode = n <= 2 ? 503 : 200
      response.end(n <= 2 ? 'busy' : 'ok')
    })
    expect((await cmsGet(busyTwice.url, 5000)).status).toBe(200)
    expect(busyTwice.requests()).toBe(3)
    close?.()

    const alwaysBusy = await cms((_, __, response) => {
      response.statusCode = 503
      response.end('busy')
    })
    expect((await cmsGet(alwaysBusy.url, 5000)).status).toBe(503)
    expect(alwaysBusy.requests()).toBe(1 + CMS_GET_RETRIES)
  })

  it('gives any other answer at once, and does not wait out a second timeout', async () => {
    const missing = await cms((_, __, response) => {
      response.statusCode = 404
      response.end()
    })
    expect((await cmsGet(missing.url, 5000)).status).toBe(404)
    expect(missing.requests()).toBe(1)
    close?.()

    const silent = await cms(() => {})
    const error = await cmsGet(silent.url, 300).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DOMException)
    expect(silent.requests()).toBe(1)
  })

  it('names the network reason of a failed fetch', async () => {
    const gone = await cms(() => {})
    close?.()
    const error = await cmsGet(gone.url, 2000).catch((caught: unknown) => caught)
    expect(fetchFailure(error)).toMatch(/^fetch failed \(.*ECONNREFUSED.*\)$/)
  }, 10_000)
})
