import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { deployHookRebuilder } from '../src/rebuild/deploy-hook.ts'

// The secret part of a deploy hook URL, as in Cloudflare's `.../deploy_hooks/<id>`.
const SECRET = 'hook-secret-7f3a9c'
let server: Server
let url: string
let answers: number[] = []
const received: { path?: string; method?: string; body: string }[] = []
const lines: string[] = []
const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) }

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({ path: req.url, method: req.method, body })
      res.statusCode = answers.shift() ?? 200
      res.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deploy_hooks/${SECRET}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

beforeEach(() => {
  answers = []
  received.length = 0
  lines.length = 0
})

/** Every line logged, through the injected log and the console, must keep the URL's secret out. */
function expectNoSecretLogged(consoleLines: string[]): void {
  for (const line of [...lines, ...consoleLines]) expect(line).not.toContain(SECRET)
}

function spyConsole(): { lines: string[]; restore: () => void } {
  const seen: string[] = []
  const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    vi
      .spyOn(console, method)
      .mockImplementation((...args: unknown[]) => seen.push(args.map(String).join(' '))),
  )
  return {
    lines: seen,
    restore: () => {
      for (const spy of spies) spy.mockRestore()
    },
  }
}

describe('deployHookRebuilder', () => {
  it('POSTs the reason to the hook once when it answers 200', async () => {
    const consoleSpy = spyConsole()
    await deployHookRebuilder(url, { log }).request('case-studies 7 update')
    consoleSpy.restore()
    expect(received).toEqual([
      { path: `/deploy_hooks/${SECRET}`, method: 'POST', body: '{"reason":"case-studies 7 update"}' },
    ])
    expect(lines).toEqual([expect.stringMatching(/^deploy hook accepted \(200, try 1, \d+ ms\)/)])
    expectNoSecretLogged(consoleSpy.lines)
  })

  it('retries after a 500 with backoff and succeeds', async () => {
    answers = [500, 503]
    const started = performance.now()
    await deployHookRebuilder(url, { log, backoffMs: 50 }).request('publish')
    expect(received).toHaveLength(3)
    expect(performance.now() - started).toBeGreaterThanOrEqual(50 + 100)
    expect(lines[0]).toBe('deploy hook try 1/4 failed (HTTP 500)')
    expect(lines[1]).toBe('deploy hook try 2/4 failed (HTTP 503)')
    expect(lines[2]).toMatch(/^deploy hook accepted \(200, try 3/)
    expectNoSecretLogged([])
  })

  it('gives up on a 404 at once (a revoked hook) and rejects without the URL', async () => {
    answers = [404]
    const error = await deployHookRebuilder(url, { log, backoffMs: 1 })
      .request('publish')
      .catch((caught: Error) => caught)
    expect(received).toHaveLength(1)
    expect(String(error)).toBe('Error: deploy hook failed (HTTP 404)')
    expectNoSecretLogged([])
  })

  it('reports an unreachable hook by error code only, after every try', async () => {
    // A port that was free a moment ago (fetch refuses well-known ports such as 1 outright).
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.address() as AddressInfo
    await new Promise((resolve) => probe.close(resolve))
    const closed = `http://127.0.0.1:${port}/deploy_hooks/${SECRET}`
    const consoleSpy = spyConsole()
    const error = await deployHookRebuilder(closed, { log, attempts: 2, backoffMs: 1 })
      .request('publish')
      .catch((caught: Error) => caught)
    consoleSpy.restore()
    expect(String(error)).toBe('Error: deploy hook failed (TypeError ECONNREFUSED)')
    expect(lines).toHaveLength(2)
    expectNoSecretLogged(consoleSpy.lines)
  })
})
