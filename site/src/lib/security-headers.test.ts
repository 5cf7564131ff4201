import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decoderWorkerPolicy, headersFile, inlineScriptHashes, islandRulePaths } from './security-headers.ts'

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`

describe('static security headers', () => {
  it('hashes the inline scripts that run, once each, and skips data blocks and external scripts', () => {
    const run = "document.body.dataset.js = 'on'"
    const pages = [
      `<script>${run}</script><script type="application/ld+json">{"@type":"Organization"}</script>`,
      `<script type="module">${run}</script><script src="/a.js"></script>`,
    ]
    expect(inlineScriptHashes(pages)).toEqual([sha(run)])
  })

  it('writes one rule for every path with HSTS, nosniff, frame-ancestors and the hashes in script-src', () => {
    const file = headersFile(["'sha256-abc'"])
    expect(file.startsWith('/*\n')).toBe(true)
    expect(file).toContain("script-src 'self' 'sha256-abc';")
    expect(file).toContain("frame-ancestors 'none'")
    expect(file).toContain('Strict-Transport-Security: max-age=31536000; includeSubDomains')
    expect(file).toContain('X-Content-Type-Options: nosniff')
    expect(file).not.toContain("'unsafe-inline';\n  X") // scripts never get unsafe-inline
    expect(file).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('relaxes the CSP for the pages with a 3D island only, and caches model files and decoders for good', () => {
    const file = headersFile(["'sha256-abc'"], { islandPaths: ['/', '/work/x/'] })
    const [strict = '', ...rules] = file.split(/\n(?=\/)/)
    expect(strict).toContain("script-src 'self' 'sha256-abc';")
    expect(strict).not.toMatch(/wasm|blob:|unsafe-eval|worker-src/)
    const island = rules.find((rule) => rule.startsWith('/work/*\n')) ?? ''
    // The page's own policy replaces the one every path gets.
    expect(island).toContain('  ! Content-Security-Policy\n')
    expect(island).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';")
    // Workers only from the site's own scripts; the page never evaluates strings.
    expect(island).toContain("worker-src 'self';")
    expect(island).not.toMatch(/'unsafe-eval'|worker-src[^;]*blob:/)
    expect(island).toContain("connect-src 'self' blob:")
    expect(rules.some((rule) => rule.startsWith('/\n  ! Content-Security-Policy'))).toBe(true)
    for (const path of ['/models/*', '/decoders/*'])
      expect(file).toContain(`${path}\n  Cache-Control: public, max-age=31536000, immutable\n`)
    expect(headersFile([])).not.toContain('/models/*')
  })

  it('lets only the 3D viewer be framed, and only by this origin', () => {
    const file = headersFile(["'sha256-abc'"], { islandPaths: ['/', '/viewer/'] })
    const rules = file.split(/\n(?=\/)/)
    const viewer = rules.find((rule) => rule.startsWith('/viewer/\n')) ?? ''
    expect(viewer).toContain('  ! X-Frame-Options\n  ')
    expect(viewer).toContain('X-Frame-Options: SAMEORIGIN')
    expect(viewer).toContain("frame-ancestors 'self';")
    expect(viewer).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';")
    for (const rule of rules.filter((r) => r !== viewer && r.includes('Content-Security-Policy:')))
      expect(rule).toContain("frame-ancestors 'none'")
    expect(file.match(/frame-ancestors 'self'/g)).toHaveLength(1)
  })

  it('caches Astro bundles and media for good on every site, island or not', () => {
    for (const file of [headersFile([]), headersFile([], { islandPaths: ['/'] })])
      for (const path of ['/_astro/*', '/media/*'])
        expect(file).toContain(`\n${path}\n  Cache-Control: public, max-age=31536000, immutable\n`)
  })

  it("gives the decoders' worker scripts, and only them, a policy of their own that lets the glue evaluate", () => {
    const workers = ['/decoders/r187/draco/gltf/draco_worker.js', '/decoders/r187/basis/basis_worker.js']
    const file = headersFile(["'sha256-abc'"], { islandPaths: ['/'], decoderWorkers: workers })
    for (const path of workers)
      expect(file).toContain(
        `\n${path}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${decoderWorkerPolicy}\n`,
      )
    expect(decoderWorkerPolicy).toBe("default-src 'none'; script-src 'wasm-unsafe-eval' 'unsafe-eval'")
    // 'unsafe-eval' appears in those two rules and nowhere else.
    expect(file.match(/'unsafe-eval'/g)).toHaveLength(2)
  })

  it('gives detail pages one rule per section, so a thousand case studies stay under the host rule limit', () => {
    const pages = [
      '/',
      '/about/',
      ...Array.from({ length: 1000 }, (_, i) => `/work/study-${i}/`),
      '/services/a/',
    ]
    expect(islandRulePaths(pages)).toEqual(['/', '/about/', '/services/*', '/work/*'])
  })
})
