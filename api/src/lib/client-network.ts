import type { Context } from 'hono'
import { clientIp } from './negotiate.ts'

// What a rate limit counts a client as. One IPv4 address is usually one household or office (a NAT),
// but an IPv6 client is handed a whole /64 (18 quintillion addresses) by its provider and may pick a
// new one for every request (privacy addresses, or a script binding at random). Counting the full
// IPv6 address would give such a client a fresh counter per request, so IPv6 is counted by its /64,
// the smallest block a provider assigns to one subscriber (RFC 6177, RIPE-690). An IPv4-mapped IPv6
// address (`::ffff:198.51.100.7`, what a dual-stack socket reports for an IPv4 peer) is that IPv4
// address, so the two spellings share one counter.
//
// Every limiter keys by `clientNetwork(c)` (the default key of `rateLimit()`, and the fallbacks of
// the per-user limits); logs, audit rows and the sessions list keep the full address (`clientIp`).

/** The key for requests whose address is missing or unreadable: they share one counter. */
export const UNKNOWN_NETWORK = 'unknown'

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
const HEXTET = /^[0-9a-f]{1,4}$/

/** `198.51.100.7` with each part's leading zeros dropped; null when it is not an IPv4 address. */
function parseIpv4(text: string): number[] | null {
  const match = IPV4.exec(text)
  if (!match) return null
  const parts = match.slice(1).map(Number)
  return parts.every((part) => part <= 255) ? parts : null
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail converted). */
function parseIpv6(text: string): number[] | null {
  const halves = text.toLowerCase().split('::')
  if (halves.length > 2) return null
  const groups = halves.map((half) => {
    if (half === '') return [] as number[]
    const out: number[] = []
    const parts = half.split(':')
    for (const [i, part] of parts.entries()) {
      const v4 = i === parts.length - 1 && part.includes('.') ? parseIpv4(part) : null
      if (v4) {
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number))
      } else if (HEXTET.test(part)) {
        out.push(Number.parseInt(part, 16))
      } else {
        return null
      }
    }
    return out
  })
  if (groups.some((g) => g === null)) return null
  const [head = [], tail = []] = groups as number[][]
  const missing = 8 - head.length - tail.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  return [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail]
}

/**
 * The rate-limit subject of one address: an IPv4 address as itself, an IPv4-mapped IPv6 address as
 * its IPv4 address, any other IPv6 address as its /64 (`2001:db8:a:b::/64`, each group in lower-case
 * hex without leading zeros, never shortened further), and anything unreadable as
 * {@link UNKNOWN_NETWORK}, so a garbled header makes a limit stricter, never absent.
 */
export function networkOf(address: string): string {
  const text = address.trim().replace(/%.*$/, '') // a zone index (`fe80::1%eth0`) names no network
  const v4 = parseIpv4(text)
  if (v4) return v4.join('.')
  const groups = parseIpv6(text)
  if (!groups) return UNKNOWN_NETWORK
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  if (isMapped) {
    const [high = 0, low = 0] = groups.slice(6)
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}

/** The requesting client's rate-limit subject: {@link networkOf} its `CF-Connecting-IP`. */
export function clientNetwork(c: Context): string {
  const ip = clientIp(c)
  return ip === 'unknown' ? UNKNOWN_NETWORK : networkOf(ip)
}
