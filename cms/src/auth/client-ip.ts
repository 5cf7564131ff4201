/** The header that carries the client's address by default (see {@link clientIp}). */
export const DEFAULT_CLIENT_IP_HEADER = 'x-forwarded-for'

/**
 * The address a request came from, as the last entry of `header` (`CMS_CLIENT_IP_HEADER`): the entry
 * the nearest proxy appended, which the client cannot choose. `unknown` when the header is missing.
 *
 * Note: Next.js gives route handlers no socket address. It fills `X-Forwarded-For` with the socket's
 * address only when the request has none, so a CMS exposed without a proxy trusts what the client
 * sends there; in production put it behind one (or Cloudflare, with `cf-connecting-ip`).
 */
export function clientIp(headers: Headers, header: string): string {
  const entries = (headers.get(header) ?? '').split(',')
  return entries.at(-1)?.trim() || 'unknown'
}
