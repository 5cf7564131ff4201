// Where to send someone after they sign in. `next` comes from the URL (`/login?next=…`), so anyone can
// craft it: only a path on this origin is honoured, never another site (an open redirect would lend
// this domain's trust to a phishing page).

/** Where a sign-in lands when `next` is absent or refused. */
export const DEFAULT_AFTER_SIGN_IN = '/dashboard'

const BASE = 'https://kairo.invalid'

/**
 * Returns `next` as a same-origin path (`/dashboard/projects?page=2`), or null when it is anything
 * else: absolute URLs, protocol-relative `//host`, `/\host` (which browsers read as `//host`), paths
 * with control characters (a tab or newline inside `//` is dropped by URL parsers), overly long
 * values, and the sign-in and sign-out pages themselves (a loop).
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2000) return null
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (!next.startsWith('/') || /^\/[/\\]/.test(next) || /[\u0000-\u001f\u007f\\]/.test(next)) return null
  let url: URL
  try {
    url = new URL(next, BASE)
  } catch {
    return null
  }
  if (url.origin !== BASE) return null
  if (url.pathname === '/login' || url.pathname === '/logout') return null
  return `${url.pathname}${url.search}${url.hash}`
}
