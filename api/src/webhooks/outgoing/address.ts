// Where an outgoing webhook may point. In production a receiver must be a public https address: a URL
// naming a private, loopback, link-local, CGNAT, unique-local or metadata address would let anyone
// who can register an endpoint make the Worker send requests into a network it should not reach (and
// read the answer's first lines in the delivery log). The check runs at registration and again before
// every delivery, on the URL as the WHATWG parser normalises it: `http://2130706433/`,
// `http://0x7f.1/` and `http://[::ffff:127.0.0.1]/` all arrive here as loopback literals.
//
// Note: a public name can still resolve to a private address (DNS rebinding). A Worker's `fetch`
// leaves from Cloudflare's network, which has no route into the studio's private networks, so a name
// is judged by its text only; the literal and well-known-name checks are what keep a deployment's
// own neighbourhood (metadata services, loopback on a self-hosted runtime) out of reach.

/** Why a URL is refused, in words for the form. */
export type AddressProblem = 'invalid' | 'scheme' | 'credentials' | 'private_address' | 'private_name'

export const ADDRESS_MESSAGES: Record<AddressProblem, string> = {
  invalid: 'Enter the full address, like https://hooks.example.com/kairo',
  scheme: 'Enter an address starting with https://',
  credentials: 'Leave the user name and password out of the address; put a token in the path instead',
  private_address:
    'This address is private, loopback, link-local or otherwise not on the public internet; use a public address',
  private_name: 'This name is local to a network (localhost, .local, .internal…); use a public host name',
}

/** Names that only mean something inside one machine or network. */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'lan', 'home.arpa', 'localdomain', 'intranet']

/**
 * What is wrong with `value` as a receiver's URL, or null when it may be used. `production` refuses
 * plain http and every non-public address; elsewhere only the shape is checked, so tests and local
 * receivers (`http://127.0.0.1:9000`) work.
 */
export function webhookUrlProblem(value: string, production: boolean): AddressProblem | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme'
  if (url.hostname === '') return 'invalid'
  if (url.username !== '' || url.password !== '') return 'credentials'
  if (!production) return null
  if (url.protocol !== 'https:') return 'scheme'
  return hostProblem(url.hostname)
}

/** The problem of a hostname as the URL parser gives it (IPv6 in brackets, IPv4 dotted). */
export function hostProblem(hostname: string): AddressProblem | null {
  if (hostname.startsWith('[')) {
    const words = parseIpv6(hostname.slice(1, -1))
    if (!words) return 'private_address'
    return isPublicIpv6(words) ? null : 'private_address'
  }
  const ipv4 = parseIpv4(hostname)
  if (ipv4 !== null) return isPublicIpv4(ipv4) ? null : 'private_address'
  // A trailing dot names the same host (`localhost.`).
  const name = hostname.replace(/\.+$/, '').toLowerCase()
  // A single label (`metadata`, `intranet`) resolves through a local search domain, never publicly.
  if (!name.includes('.')) return 'private_name'
  if (LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`))) return 'private_name'
  return null
}

/** A dotted IPv4 address as the URL parser normalises one, as a 32-bit number; null otherwise. */
function parseIpv4(hostname: string): number | null {
  const parts = hostname.split('.')
  if (parts.length !== 4 || !parts.every((part) => /^(0|[1-9][0-9]{0,2})$/.test(part))) return null
  const bytes = parts.map(Number)
  if (bytes.some((byte) => byte > 255)) return null
  return (
    ((bytes[0] ?? 0) * 2 ** 24 + (bytes[1] ?? 0) * 2 ** 16 + (bytes[2] ?? 0) * 2 ** 8 + (bytes[3] ?? 0)) >>> 0
  )
}

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry), as [base, prefix]. */
const IPV4_NOT_PUBLIC: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // CGNAT (shared address space)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the cloud metadata service at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (192.0.0.192 is Oracle's metadata)
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
]

const IPV4_RANGES = IPV4_NOT_PUBLIC.map(([base, prefix]) => {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return { base: (parseIpv4(base) ?? 0) & mask, mask }
})

function isPublicIpv4(address: number): boolean {
  return !IPV4_RANGES.some(({ base, mask }) => (address & mask) >>> 0 === base >>> 0)
}

/** An IPv6 address (no brackets, no zone) as eight 16-bit words; null when malformed. */
function parseIpv6(text: string): number[] | null {
  let source = text.toLowerCase()
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) is two words; the parser normally rewrites it in hex.
  const tail = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(source)
  if (tail?.[1]) {
    const ipv4 = parseIpv4(tail[1])
    if (ipv4 === null) return null
    source = `${source.slice(0, -tail[1].length)}${(ipv4 >>> 16).toString(16)}:${(ipv4 & 0xffff).toString(16)}`
  }
  const halves = source.split('::')
  if (halves.length > 2) return null
  const words = (part: string | undefined) => (part ? part.split(':') : [])
  const head = words(halves[0])
  const rest = words(halves[1])
  if (![...head, ...rest].every((word) => /^[0-9a-f]{1,4}$/.test(word))) return null
  const missing = 8 - head.length - rest.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest].map((word) =>
    Number.parseInt(word, 16),
  )
}

/** The IPv4 address in the last two words. */
const embeddedIpv4 = (w: number[]) => (((w[6] ?? 0) << 16) | (w[7] ?? 0)) >>> 0

function isPublicIpv6(w: number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = w
  const zeroUpTo = (n: number) => w.slice(0, n).every((word) => word === 0)
  // ::/128 unspecified, ::1 loopback, and ::a.b.c.d (IPv4-compatible, deprecated): judged as IPv4 or refused.
  if (zeroUpTo(6)) return isPublicIpv4(embeddedIpv4(w)) && embeddedIpv4(w) > 0xffff
  // ::ffff:a.b.c.d, IPv4-mapped: the IPv4 address it stands for.
  if (zeroUpTo(5) && f === 0xffff) return isPublicIpv4(embeddedIpv4(w))
  // 64:ff9b::/96 NAT64 (and 64:ff9b:1::/48, local-use NAT64): the IPv4 address behind it, or refused.
  if (a === 0x64 && b === 0xff9b)
    return c === 0 && d === 0 && e === 0 && f === 0 && isPublicIpv4(embeddedIpv4(w))
  // 2002::/16 6to4: the IPv4 address in words 2 and 3.
  if (a === 0x2002) return isPublicIpv4(((b << 16) | c) >>> 0)
  if ((a & 0xfe00) === 0xfc00) return false // fc00::/7 unique local (fd00:ec2::254 is AWS's metadata)
  if ((a & 0xffc0) === 0xfe80) return false // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return false // fec0::/10 site-local (deprecated)
  if ((a & 0xff00) === 0xff00) return false // ff00::/8 multicast
  if (a === 0x2001 && b === 0x0db8) return false // 2001:db8::/32 documentation
  if (a === 0x0100 && b === 0 && c === 0 && d === 0) return false // 100::/64 discard
  if (a === 0x2001 && b < 0x0200) return false // 2001::/23 IETF protocol assignments (Teredo, ORCHID…)
  // Only 2000::/3 is allocated as global unicast.
  return (a & 0xe000) === 0x2000
}
