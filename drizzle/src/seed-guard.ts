// The one rule for every seed (the app's demo company and users, the CMS's demo editor and content):
// seeds write accounts whose passwords are printed in the README, so they run only against a database
// on this machine, and never in production. A remote database that is disposable (a CI service
// container, a throwaway staging copy) can be seeded on purpose with KAIRO_ALLOW_SEED=1; production
// (NODE_ENV or ENVIRONMENT set to `production`) cannot.
//
// Note: this file imports nothing, so every seed entry point can use it, including the CMS's.

/** The variable that allows seeding a database that is not on this machine. */
export const ALLOW_SEED_VARIABLE = 'KAIRO_ALLOW_SEED'

const LOOPBACK_HOSTS = new Set(['localhost', '::1', '[::1]'])

/** True for localhost, 127.0.0.0/8, ::1 and a Unix socket (no host, or a path as the host). */
function isOnThisMachine(url: URL): boolean {
  const socket = url.searchParams.get('host')
  if (socket !== null) return socket.startsWith('/')
  const host = decodeURIComponent(url.hostname).toLowerCase()
  return host === '' || host.startsWith('/') || LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host)
}

/**
 * Why a seed must not run against `databaseUrl` in `env`, as one sentence; null when it may run.
 * The sentence names the database's host, never its user or password.
 */
export function seedRefusal(databaseUrl: string, env: Record<string, string | undefined>): string | null {
  const production = ['NODE_ENV', 'ENVIRONMENT'].find((name) => env[name]?.trim() === 'production')
  if (production) {
    return `Refusing to seed demo data: ${production}=production, and seeds never run in production.`
  }
  if (!URL.canParse(databaseUrl)) return 'Refusing to seed demo data: the database URL cannot be parsed.'
  const url = new URL(databaseUrl)
  if (isOnThisMachine(url) || env[ALLOW_SEED_VARIABLE] === '1') return null
  return (
    `Refusing to seed demo data into the database on ${url.hostname}: seeds run only against a database ` +
    `on this machine (set ${ALLOW_SEED_VARIABLE}=1 to seed a disposable database elsewhere).`
  )
}
