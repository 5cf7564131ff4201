import { createHash } from 'node:crypto'

// Note: keep in step with the Worker's own responses (api/src/middleware/security-headers/).
const FIXED = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi

/**
 * The SHA-256 sources of every inline script the pages run. JSON-LD and other data blocks are not
 * run by the browser, so CSP ignores them and they need no hash.
 */
export function inlineScriptHashes(pages: string[]): string[] {
  const hashes = new Set<string>()
  for (const html of pages) {
    for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
      const type = /\btype=["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase()
      if (type && type !== 'module' && type !== 'text/javascript') continue
      hashes.add(`'sha256-${createHash('sha256').update(body).digest('base64')}'`)
    }
  }
  return [...hashes].sort()
}

export interface HeadersOptions {
  /**
   * The paths of pages with a 3D island (`/`, `/work/<slug>/`). Only they get a CSP that lets the
   * decoders work: WebAssembly compiled on the page (`'wasm-unsafe-eval'`: the meshopt decoder), the
   * Draco/KTX2 workers started from the site's own scripts (`worker-src 'self'`), and the glTF loader
   * reading embedded textures through blob: URLs (`connect-src`/`img-src blob:`). Every other page
   * keeps the strict policy.
   */
  islandPaths?: string[]
  /**
   * The decoders' worker scripts (`/decoders/r187/basis/basis_worker.js`, ...). A worker from a
   * same-origin script runs under the CSP of its own response, not the page's: these get the policy
   * the decoders' Emscripten glue needs and nothing else (decoderWorkerPolicy).
   */
  decoderWorkers?: string[]
  /**
   * The folder of the scenes' worker and its chunks (`/_astro/scene/*`): a worker runs under its own
   * response's policy, so it gets what an island page gets for its loaders (sceneWorkerPolicy).
   */
  sceneWorker?: string
}

// Cloudflare reads at most 100 rules from `_headers`: a thousand case studies with a model must not
// mean a thousand rules, so detail pages share one rule per section (`/work/*`).
const DETAIL_PAGE = /^\/(work|services)\/[^/]+\/$/

/** The rule paths for the island pages: each detail page's section once, other pages as they are. */
export function islandRulePaths(paths: string[]): string[] {
  return [...new Set(paths.map((path) => path.replace(DETAIL_PAGE, '/$1/*')))].sort()
}

/**
 * Files whose names change with their content are cached for a year: Astro's hashed bundles and the
 * media, named by a hash of their bytes (src/loaders/media-loader.ts), so a replaced image gets a new
 * URL. With an island, also the content-addressed model files and the decoders (under three's revision).
 */
const IMMUTABLE_PATHS = ['/_astro/*', '/media/*']
const ISLAND_IMMUTABLE_PATHS = ['/models/*', '/decoders/*']
const IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Pages another page of this origin may frame: the dashboard's 3D viewer (src/pages/viewer.astro),
 * which the dashboard lays over a deliverable's poster. Every other page refuses any frame.
 */
export const SAME_ORIGIN_FRAMED_PATHS = ['/viewer/']

function contentSecurityPolicy(scriptHashes: string[], island: boolean, framedBySelf = false): string {
  const hashes = scriptHashes.map((hash) => ` ${hash}`).join('')
  const blob = island ? ' blob:' : ''
  return [
    "default-src 'self'",
    `script-src 'self'${island ? " 'wasm-unsafe-eval'" : ''}${hashes}`,
    ...(island ? ["worker-src 'self'"] : []),
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${blob}`,
    "font-src 'self'",
    `connect-src 'self'${blob}`,
    "form-action 'self'",
    `frame-ancestors ${framedBySelf ? "'self'" : "'none'"}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
}

/**
 * The decoder workers' own policy: they compile the WebAssembly binary the page posts them
 * (`'wasm-unsafe-eval'`), and the Basis transcoder's embind glue builds its bindings with
 * `new Function` (`'unsafe-eval'`, verified in Chromium: without it the transcoder does not start).
 * They fetch, import and show nothing, so everything else is `'none'`. The page itself never gets
 * `'unsafe-eval'`: code it loads cannot evaluate strings.
 */
export const decoderWorkerPolicy = "default-src 'none'; script-src 'wasm-unsafe-eval' 'unsafe-eval'"

/**
 * The scenes' worker's own policy (src/islands/worker/): it imports its chunks and the meshopt
 * decoder from this origin and compiles the decoder's WebAssembly (`'wasm-unsafe-eval'`), starts
 * the Draco and Basis workers from the site's own scripts (`worker-src 'self'`), fetches the models
 * (and a deliverable's manifest) from this origin and reads a model's embedded textures through
 * blob: URLs. Never `'unsafe-eval'`.
 */
export const sceneWorkerPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob:",
  "object-src 'none'",
].join('; ')

/**
 * The static host's `_headers` file: the same security headers as the Worker's responses, with a
 * Content Security Policy that allows exactly the inline scripts the build contains, by hash.
 * Inline styles stay allowed (Astro inlines small stylesheets; styles cannot run code). Pages with
 * a 3D island, and the decoders' worker scripts, replace the policy (`! Content-Security-Policy`
 * detaches the one from `/*`).
 */
export function headersFile(scriptHashes: string[], options: HeadersOptions = {}): string {
  const islandPaths = options.islandPaths ?? []
  const lines = Object.entries({
    'Content-Security-Policy': contentSecurityPolicy(scriptHashes, false),
    ...FIXED,
  }).map(([name, value]) => `  ${name}: ${value}`)
  const rules = [`/*\n${lines.join('\n')}\n`]
  for (const path of islandRulePaths(islandPaths)) {
    if (SAME_ORIGIN_FRAMED_PATHS.includes(path)) {
      const policy = contentSecurityPolicy(scriptHashes, true, true)
      rules.push(
        `${path}\n  ! Content-Security-Policy\n  ! X-Frame-Options\n  Content-Security-Policy: ${policy}\n  X-Frame-Options: SAMEORIGIN\n`,
      )
    } else {
      rules.push(
        `${path}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${contentSecurityPolicy(scriptHashes, true)}\n`,
      )
    }
  }
  // One exact rule per worker script (two), so the rule count does not grow with the site.
  for (const path of options.decoderWorkers ?? [])
    rules.push(`${path}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${decoderWorkerPolicy}\n`)
  if (options.sceneWorker && islandPaths.length > 0)
    rules.push(
      `${options.sceneWorker}\n  ! Content-Security-Policy\n  Content-Security-Policy: ${sceneWorkerPolicy}\n`,
    )
  for (const path of [...IMMUTABLE_PATHS, ...(islandPaths.length > 0 ? ISLAND_IMMUTABLE_PATHS : [])])
    rules.push(`${path}\n  Cache-Control: ${IMMUTABLE}\n`)
  return rules.join('')
}
