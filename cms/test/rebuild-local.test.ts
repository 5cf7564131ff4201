import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { fastPublishedAt } from '../src/rebuild/fast-published.ts'
import { localRebuilder, withFastPublish } from '../src/rebuild/local.ts'

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

// Stand-ins for the site's fast publisher and render bundle: each appends what it was asked to
// `runs.txt`, with its start and end; the fast publisher answers as the real one does (exit 0 and a
// JSON summary, or exit 3 and the reason), as $FAST_EXIT says.
const FAST_SCRIPT = `
const fs = require('node:fs')
const edit = process.argv.at(-1)
fs.appendFileSync('runs.txt', 'fast ' + edit + ' start\\n')
setTimeout(() => {
  fs.appendFileSync('runs.txt', 'fast ' + edit + ' end\\n')
  if (process.env.FAST_EXIT === '3') { console.log(JSON.stringify({ left: 'the edit moves pages' })); process.exit(3) }
  console.log(JSON.stringify({ published: [edit], rendered: 3, written: 2 }))
}, 300)
`
const SLOW_BUILD = `
const fs = require('node:fs')
fs.appendFileSync('runs.txt', 'build start\\n')
setTimeout(() => { fs.appendFileSync('runs.txt', 'build end\\n'); process.exit(Number(process.env.EXIT ?? 0)) }, 300)
`
const BUNDLE_SCRIPT = `require('node:fs').appendFileSync('runs.txt', 'bundle\\n')`

describe('localRebuilder with fast publishing', () => {
  const runsFile = () => path.join(siteDir, 'runs.txt')
  const runs = () => readFileSync(runsFile(), 'utf8').trim().split('\n')
  const lines: string[] = []
  const rebuilder = () => {
    rmSync(runsFile(), { force: true })
    lines.length = 0
    return localRebuilder({
      siteDir,
      cmsUrl: 'http://127.0.0.1:3999',
      command: [process.execPath, '-e', SLOW_BUILD],
      fastPublish: {
        command: [process.execPath, '-e', FAST_SCRIPT, '--'],
        bundleCommand: [process.execPath, '-e', BUNDLE_SCRIPT],
      },
      log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
    })
  }
  const edit = { collection: 'case-studies', id: '12' } as const

  it('publishes an edit at once, and builds only after it, then refreshes the render bundle', async () => {
    const local = rebuilder()
    const fast = local.fastPublish(edit)
    const build = local.request('case study published')
    expect(await fast).toMatchObject({ live: true, written: 2 })
    await build
    // The bundle is refreshed after the build; the next fast publish waits for it.
    expect(await local.fastPublish(edit)).toMatchObject({ live: true })
    expect(runs()).toEqual([
      'fast case-studies:12 start',
      'fast case-studies:12 end',
      'build start',
      'build end',
      'bundle',
      'fast case-studies:12 start',
      'fast case-studies:12 end',
    ])
    expect(
      lines.some((line) =>
        /^case-studies 12 live in \d+ ms, before the build \(2 pages written\)$/.test(line),
      ),
    ).toBe(true)
  })

  it('leaves an edit to the build while one runs, and says why the fast publisher declined', async () => {
    const local = rebuilder()
    const build = local.request('settings updated')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await local.fastPublish(edit)).toEqual({
      live: false,
      reason: 'a build is running; the next one publishes it',
    })
    await build
    vi.stubEnv('FAST_EXIT', '3')
    expect(await local.fastPublish(edit)).toEqual({ live: false, reason: 'the edit moves pages' })
    vi.unstubAllEnvs()
    expect(lines).toContain('case-studies 12 left to the build: the edit moves pages')
  })

  it('holds edits back after a change only a build publishes, until a build covering it succeeds', async () => {
    const local = rebuilder()
    local.changedWithoutEdit()
    expect(await local.fastPublish(edit)).toEqual({ live: false, reason: 'other changes wait for the build' })
    // A failed build did not publish the change: edits still wait.
    vi.stubEnv('EXIT', '1')
    await expect(local.request('media uploaded')).rejects.toThrow('site build exited with 1')
    vi.unstubAllEnvs()
    expect(await local.fastPublish(edit)).toMatchObject({ live: false })
    // No render bundle after a failed build.
    expect(runs().filter((run) => run === 'bundle')).toEqual([])
    await local.request('media uploaded')
    expect(await local.fastPublish(edit)).toMatchObject({ live: true })
  })

  it('notes a document whose pages went live for its publish status, and passes every request on', async () => {
    const local = rebuilder()
    const reasons: string[] = []
    const hooks = withFastPublish(
      { name: 'recorder', request: async (reason) => void reasons.push(reason) },
      local,
    )
    const before = new Date().toISOString()
    await hooks.request('case study “A” published', { collection: 'case-studies', id: '41' })
    await expect.poll(() => fastPublishedAt('case-studies', '41'), { timeout: 20_000 }).toBeDefined()
    expect(String(fastPublishedAt('case-studies', '41')) >= before).toBe(true)
    // A change only a build publishes: passed on, and edits wait for the build.
    await hooks.request('media “x.png” added')
    expect(reasons).toEqual(['case study “A” published', 'media “x.png” added'])
    expect(await local.fastPublish(edit)).toEqual({ live: false, reason: 'other changes wait for the build' })
  })
})
