import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'
import { addVideoFixtures } from './video-fixture.ts'

// The draft preview server (astro.preview.config.ts) built and started for real, in front of the
// fixture CMS plus a stand-in for the CMS's preview endpoint (cms/src/preview/endpoint.ts): the token
// `good` opens any document's "draft"; any other is refused the way the CMS refuses it.
const siteRoot = fileURLToPath(new URL('..', import.meta.url))
const DRAFT_SUMMARY = 'A draft summary nobody outside the studio has seen.'
let fixture: FixtureServer
let cms: Server
let cmsUrl = ''
let server: ChildProcess | undefined
let origin = ''
let tmp: string
let log = ''

const freePort = async () => {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** `/api/preview/<collection>/<id>?token=` like the CMS; every other path is the fixture's. */
function startCmsStandIn(): Promise<Server> {
  const cmsServer = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://cms')
    const preview = /^\/api\/preview\/([a-z-]+)\/(\d+)$/.exec(url.pathname)
    if (!preview) {
      const answer = await fetch(`${fixture.url}${url.pathname}${url.search}`)
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' })
      res.end(Buffer.from(await answer.arrayBuffer()))
      return
    }
    res.setHeader('content-type', 'application/json')
    if (url.searchParams.get('token') !== 'good') {
      const error = { code: 'preview_token_invalid', message: 'This preview link is not valid.' }
      res.writeHead(403).end(JSON.stringify({ error }))
      return
    }
    const { docs } = (await (await fetch(`${fixture.url}/api/${preview[1]}`)).json()) as {
      docs: Array<{ id: number; summary?: string }>
    }
    const doc = docs.find((d) => String(d.id) === preview[2])
    if (!doc) {
      res.writeHead(404).end(JSON.stringify({ error: { code: 'not_found', message: 'No such document.' } }))
      return
    }
    res
      .writeHead(200)
      .end(JSON.stringify(preview[1] === 'case-studies' ? { ...doc, summary: DRAFT_SUMMARY } : doc))
  })
  return new Promise((resolve) => cmsServer.listen(0, '127.0.0.1', () => resolve(cmsServer)))
}

beforeAll(async () => {
  fixture = await startFixtureServer()
  addVideoFixtures(fixture)
  cms = await startCmsStandIn()
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
  // Inside the site: the server's chunks import React and the adapter from site/node_modules.
  tmp = await mkdtemp(join(siteRoot, 'node_modules', '.kairo-preview-test-'))
  const env = {
    ...process.env,
    CMS_URL: cmsUrl,
    KAIRO_TEST_CACHE_DIR: join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  const astro = join(siteRoot, 'node_modules', '.bin', 'astro')
  const args = ['build', '--config', 'test/preview.config.ts', '--outDir', join(tmp, 'dist-preview')]
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(astro, args, { cwd: siteRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk) => (log += chunk))
    child.stderr.on('data', (chunk) => (log += chunk))
    child.on('close', resolve)
  })
  if (code !== 0) throw new Error(`astro build (preview server) exited ${code}:\n${log}`)
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  server = spawn(process.execPath, [join(tmp, 'dist-preview', 'server', 'entry.mjs')], {
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk) => (log += chunk))
  server.stderr?.on('data', (chunk) => (log += chunk))
  for (let tries = 0; ; tries++) {
    const up = await fetch(`${origin}/`).then(
      () => true,
      () => false,
    )
    if (up) break
    if (tries > 100) throw new Error(`the preview server did not start:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}, 120_000)

afterAll(async () => {
  server?.kill()
  await fixture?.close()
  await new Promise((resolve) => cms?.close(resolve))
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

const articleOf = (html: string) => /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? ''

describe('the draft preview server', () => {
  it('renders a draft with the published page’s markup, a banner, noindex and no caching', async () => {
    const response = await fetch(`${origin}/preview/work/1?token=good`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('x-robots-tag')).toContain('noindex')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    // Only the CMS's admin may frame it (its live preview panel), under any loopback name here.
    const port = new URL(cmsUrl).port
    expect(response.headers.get('content-security-policy')).toBe(
      `frame-ancestors http://localhost:${port} http://127.0.0.1:${port} http://[::1]:${port}`,
    )
    const html = await response.text()
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
    expect(html).toMatch(/<div class="draft-banner" role="status"[^>]*>[\s\S]*?Draft preview/)
    expect(html).toContain(DRAFT_SUMMARY)
    // The same view as the built page: only the summary and the images' origin differ.
    const built = await readFile(
      join(tmp, 'dist-preview', 'client', 'work', 'orbital-labs', 'index.html'),
      'utf8',
    )
    const published = articleOf(built)
    expect(published).toContain('<h1>Orbital Labs launch site</h1>')
    const summary = /<p class="lede">([^<]*)<\/p>/.exec(published)?.[1] ?? ''
    const normalise = (article: string) =>
      article.replace(/(src|srcset)="[^"]*"/g, '$1=""').replace(summary, DRAFT_SUMMARY)
    expect(normalise(articleOf(html))).toBe(normalise(published))
    // Media come from the CMS, so an image uploaded after the preview server's build still shows.
    expect(articleOf(html)).toContain(`src="${cmsUrl}/api/media/file/`)
  })

  it('shows a never-published draft, which the static pages do not have', async () => {
    const html = await (await fetch(`${origin}/preview/work/3?token=good`)).text()
    expect(html).toMatch(/<h1>[^<]*<\/h1>/)
    expect(html).toContain('Draft preview')
    await expect(
      readFile(join(tmp, 'dist-preview', 'client', 'work', 'secret-draft', 'index.html')),
    ).rejects.toThrow()
  })

  it('previews pages and services through their own views', async () => {
    const home = await (await fetch(`${origin}/preview/pages/1?token=good`)).text()
    expect(home).toContain('<h1>Websites with gravity</h1>')
    expect(home).toContain('<h2>Recent work</h2>')
    const service = await fetch(`${origin}/preview/services/1?token=good`)
    expect(service.status).toBe(200)
    expect(await service.text()).toContain('<h1>Websites with depth</h1>')
  })

  it('gives a draft’s video its captions from the preview server’s own origin, and nothing but captions', async () => {
    // A <track> is fetched in CORS mode: captions on the CMS's origin showed nothing in the preview.
    const nebula = fixture.docs.find((doc) => doc.slug === 'nebula-coffee')
    const html = await (await fetch(`${origin}/preview/work/${nebula?.id}?token=good`)).text()
    const tracks = [...html.matchAll(/<track[^>]*\ssrc="([^"]+)"/g)].map(([, src]) => src ?? '')
    expect(tracks).toHaveLength(2)
    for (const src of tracks) {
      expect(src).toMatch(/^\/preview\/captions\/\d+\.vtt$/)
      const captions = await fetch(`${origin}${src}`)
      expect(captions.status).toBe(200)
      expect(captions.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
      expect(await captions.text()).toMatch(/^WEBVTT/)
    }
    // The video itself, an image, a document that does not exist: not captions, not passed on.
    for (const id of [201, 1, 999])
      expect((await fetch(`${origin}/preview/captions/${id}.vtt`)).status).toBe(404)
  })

  it('refuses a bad token with the CMS’s message and shows nothing of the draft', async () => {
    const response = await fetch(`${origin}/preview/work/1?token=forged`)
    expect(response.status).toBe(403)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-security-policy')).toMatch(/^frame-ancestors /)
    const html = await response.text()
    expect(html).toContain('This preview link is not valid.')
    expect(html).not.toContain(DRAFT_SUMMARY)
    expect(html).not.toContain('Orbital Labs')
    expect((await fetch(`${origin}/preview/work/1`)).status).toBe(401)
    expect((await fetch(`${origin}/preview/users/1?token=good`)).status).toBe(404)
    expect((await fetch(`${origin}/preview/work/999?token=good`)).status).toBe(404)
  })
})
