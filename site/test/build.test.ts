import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'

const siteRoot = fileURLToPath(new URL('..', import.meta.url))
let cms: FixtureServer
let tmp: string
let outDir: string
let buildLog = ''

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

// A real `astro build` against the fixture CMS: about 5-10 s. Spawned asynchronously so this
// process's fixture server can answer the build's request.
beforeAll(async () => {
  cms = await startFixtureServer()
  tmp = await mkdtemp(join(tmpdir(), 'kairo-site-build-'))
  outDir = join(tmp, 'dist')
  const astro = join(siteRoot, 'node_modules', '.bin', 'astro')
  const args = ['build', '--config', 'test/build.config.ts', '--outDir', outDir]
  const env = {
    ...process.env,
    CMS_URL: cms.url,
    KAIRO_TEST_CACHE_DIR: join(tmp, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  }
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(astro, args, { cwd: siteRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (chunk) => (buildLog += chunk))
    child.stderr.on('data', (chunk) => (buildLog += chunk))
    child.on('close', resolve)
  })
  if (code !== 0) throw new Error(`astro build exited ${code}:\n${buildLog}`)
}, 90_000)

afterAll(async () => {
  await cms?.close()
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('astro build against the fixture CMS', () => {
  it('reads the CMS with exactly one request', () => {
    expect(cms.requests).toEqual([
      '/api/case-studies?where[_status][equals]=published&pagination=false&depth=0',
    ])
  })

  it('writes the home page, one page per published case study, the contact pages and the 404 page', async () => {
    const pages = (await listFiles(outDir)).filter((file) => file.endsWith('.html')).sort()
    expect(pages).toEqual([
      '404.html',
      'contact/index.html',
      'contact/thanks/index.html',
      'index.html',
      'work/nebula-coffee/index.html',
      'work/orbital-labs/index.html',
    ])
  })

  it('lists the case studies on the home page with links to their pages', async () => {
    const home = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(home).toContain('<a href="/work/orbital-labs/">Orbital Labs launch site</a>')
    expect(home).toContain('An e-shop that loads in under a second on a train.')
    expect(home).not.toContain('Secret draft')
  })

  it('renders a case study with one h1, its summary, its escaped body and a canonical URL', async () => {
    const page = await readFile(join(outDir, 'work/orbital-labs/index.html'), 'utf8')
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(page).toContain('<h1>Orbital Labs launch site</h1>')
    expect(page).toContain('<strong>close</strong> &lt;and&gt; safe.')
    expect(page).not.toContain('javascript:')
    expect(page).toContain('<link rel="canonical" href="http://localhost:4321/work/orbital-labs/">')
    expect(page).toContain('<a class="skip-link" href="#main">Skip to content</a>')
  })

  it("ships no JavaScript except the contact form's small inline script", async () => {
    for (const file of (await listFiles(outDir)).filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(outDir, file), 'utf8')
      if (file === 'contact/index.html') {
        // The form works without it; the script only submits in place. No external script file.
        const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
        expect(scripts).toHaveLength(1)
        expect(scripts[0]?.[0]).not.toMatch(/\ssrc=/)
        expect(new TextEncoder().encode(scripts[0]?.[1]).length).toBeLessThan(2048)
        continue
      }
      expect(html, file).not.toMatch(/<script|\.m?js["'?]/i)
    }
  })

  it('renders the contact form as a plain HTML form with the honeypot and no idempotency key', async () => {
    const html = await readFile(join(outDir, 'contact/index.html'), 'utf8')
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<form class="contact-form" method="post" action="/api/contact"')
    expect(html).toMatch(
      /<input id="contact-website" name="website" type="text" tabindex="-1" autocomplete="off">/,
    )
    expect(html).not.toContain('idempotencyKey"')
  })
})
