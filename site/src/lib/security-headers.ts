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

/**
 * The static host's `_headers` file: the same security headers as the Worker's responses, with a
 * Content Security Policy that allows exactly the inline scripts the build contains, by hash.
 * Inline styles stay allowed (Astro inlines small stylesheets; styles cannot run code).
 */
export function headersFile(scriptHashes: string[]): string {
  const csp = [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` ${hash}`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ')
  const lines = Object.entries({ 'Content-Security-Policy': csp, ...FIXED }).map(
    ([name, value]) => `  ${name}: ${value}`,
  )
  return `/*\n${lines.join('\n')}\n`
}
