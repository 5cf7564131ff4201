import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { localRebuilder } from '../src/rebuild/local.ts'

// A stand-in for `pnpm run build`: appends CMS_URL and NODE_ENV to a file, prints, exits with $EXIT.
const BUILD_SCRIPT = `
const fs = require('node:fs')
fs.appendFileSync('builds.txt', process.env.CMS_URL + ' ' + (process.env.NODE_ENV ?? 'unset') + '\\n')
for (let i = 0; i < 40; i++) console.log('line ' + i)
setTimeout(() => process.exit(Number(process.env.EXIT ?? 0)), 200)
`
let siteDir: string
let server: Server
let refreshUrl: string
const refreshes: string[] = []

beforeAll(async () => {
  siteDir = mkdtempSync(path.join(tmpdir(), 'kairo-rebuild-'))
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      refreshes.push(`${req.method} ${req.url} ${body}`)
      res.statusCode = 204
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  refreshUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__refresh-content`
})

afterAll(async () => {
  rmSync(siteDir, { recursive: true, force: true })
  await new Promise((resolve) => server.close(resolve))
})

describe('localRebuilder', () => {
  it('tells astro dev to refresh, builds once at a time and once more for requests during a build', async () => {
    vi.stubEnv('NODE_ENV', 'development') // as under `next dev`; the site build must not inherit it
    const lines: string[] = []
    const rebuilder = localRebuilder({
      siteDir,
      cmsUrl: 'http://127.0.0.1:3999',
      devRefreshUrl: refreshUrl,
      command: [process.execPath, '-e', BUILD_SCRIPT],
      log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
    })
    const first = rebuilder.request('case-studies 1 update')
    const during = [rebuilder.request('pages 2 update'), rebuilder.request('media 3 delete')]
    await Promise.all([first, ...during])
    vi.unstubAllEnvs()
    expect(readFileSync(path.join(siteDir, 'builds.txt'), 'utf8')).toBe(
      'http://127.0.0.1:3999 unset\nhttp://127.0.0.1:3999 unset\n',
    )
    expect(refreshes).toEqual([
      'POST /__refresh-content {"reason":"case-studies 1 update"}',
      'POST /__refresh-content {"reason":"pages 2 update; media 3 delete"}',
    ])
    // Summarised: the build's own 40 lines stay out of the log when it succeeds.
    expect(lines.some((line) => line.includes('line 0'))).toBe(false)
    expect(lines.filter((line) => /^site build done in \d+\.\d s$/.test(line))).toHaveLength(2)
  })

  it('rejects when the build fails and logs its last lines, prefixed', async () => {
    const lines: string[] = []
    vi.stubEnv('EXIT', '1')
    const rebuilder = localRebuilder({
      siteDir,
      cmsUrl: 'http://127.0.0.1:3999',
      command: [process.execPath, '-e', BUILD_SCRIPT],
      log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
    })
    await expect(rebuilder.request('x')).rejects.toThrow('site build exited with 1')
    vi.unstubAllEnvs()
    expect(lines[0]).toMatch(/^site build failed \(exit 1, \d+\.\d s\); its last lines:$/)
    expect(lines.at(-1)).toBe('[site build] line 39')
    expect(lines).toHaveLength(1 + 25)
  })
})
