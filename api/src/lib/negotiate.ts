import type { Context } from 'hono'

/**
 * Whether the caller wants a JSON answer rather than an HTML page: a JSON request body, or an
 * `Accept` header that names JSON and not HTML. Browsers submitting a plain form send
 * `Accept: text/html,…`, so they get pages; `fetch()` with `Accept: application/json` gets JSON.
 */
export function wantsJson(c: Context): boolean {
  const contentType = c.req.header('content-type') ?? ''
  if (/^application\/json\b/i.test(contentType)) return true
  const accept = c.req.header('accept') ?? ''
  return /\bapplication\/json\b/i.test(accept) && !/\btext\/html\b/i.test(accept)
}

/**
 * The visitor's IP as Cloudflare reports it (`CF-Connecting-IP`, set by the edge and not spoofable
 * there). Without it (a request that did not pass through Cloudflare) every such caller shares the
 * key `unknown`, so a missing header makes the limit stricter, never absent. This is the address to
 * show and record (logs, audit, sessions); a rate limit keys by `clientNetwork(c)`
 * (`lib/client-network.ts`), which counts an IPv6 client by its /64.
 */
export function clientIp(c: Context): string {
  return c.req.header('cf-connecting-ip')?.trim() || 'unknown'
}

/**
 * The origin for links that leave the site (e-mailed reset and invitation links): `PUBLIC_ORIGIN`
 * when configured, else the request's own.
 */
export function publicOrigin(c: Context): string {
  const configured = (c.env as { PUBLIC_ORIGIN?: string } | undefined)?.PUBLIC_ORIGIN
  return configured ?? new URL(c.req.url).origin
}
