const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * The origins the admin may be opened at: the CMS's own (`CMS_URL`), and, when that is a loopback
 * address, the same port under every loopback name. A browser tells `localhost` and `127.0.0.1`
 * apart, and Payload refuses cookie-signed-in requests from an origin missing from its CSRF list, so
 * an admin opened at http://127.0.0.1:3000 (an address the banner and the site name) showed its
 * editor signed out. A public origin stays the only one.
 */
export function adminOrigins(serverUrl: string): string[] {
  const url = new URL(serverUrl)
  if (!LOOPBACK.includes(url.hostname)) return [url.origin]
  return LOOPBACK.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`)
}
