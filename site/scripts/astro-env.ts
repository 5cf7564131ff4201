import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'

/** Variables `astro build` gets by name: the site's own (src/lib/env.ts), the test config's, the process's. */
const NAMES = new Set([
  'CMS_URL',
  'SITE_URL',
  'SITE_CONTENT_OFFLINE',
  'SITE_BUILD_CACHE_DIR',
  'KAIRO_TEST_CACHE_DIR',
  'HOME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LANGUAGE',
  'TZ',
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'FORCE_COLOR',
  'NO_COLOR',
  'TERM',
  'UV_THREADPOOL_SIZE',
])
/** And by prefix: Astro's own (`ASTRO_KEY`, ...), public build variables, locale, libvips (sharp). */
const PREFIXES = ['ASTRO_', 'PUBLIC_', 'LC_', 'VIPS_']

/**
 * The environment `astro build` runs in: only what the site's build reads, and a fixed `PATH`.
 *
 * Why not the caller's whole environment: Astro copies every variable of its process into the
 * `import.meta.env` object it writes into server code where that object is used whole (its actions
 * client does), so any variable that differs between two builds (`CI`, a `PATH` that pnpm prefixed,
 * the CMS's own settings) changed the code hash of the routes that import it, and Astro's incremental
 * build rendered those pages again (every Open Graph card, after a build run by hand and one run by
 * the CMS). And the CMS's rebuilder runs this script inside the CMS's environment, whose database URL,
 * storage keys and mail password the site's build has no use for.
 */
export function astroBuildEnv(
  env: Record<string, string | undefined>,
  extra: Record<string, string>,
): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (NAMES.has(name) || PREFIXES.some((prefix) => name.startsWith(prefix))))
      picked[name] = value
  }
  // The build starts no program by name; the Node running it first, then the system's folders.
  picked.PATH = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':')
  return { ...picked, ...extra }
}

/**
 * Runs `astro build` (with `args`) in the site at `siteDir`, in {@link astroBuildEnv} plus `extra`,
 * its output on this process's; resolves with its exit code.
 */
export function runAstroBuild(
  siteDir: string,
  args: string[],
  extra: Record<string, string>,
): Promise<number | null> {
  const astro = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', ...args], {
      cwd: siteDir,
      stdio: 'inherit',
      env: astroBuildEnv(process.env, { ASTRO_TELEMETRY_DISABLED: '1', ...extra }),
    })
    child.on('error', reject)
    child.on('close', resolve)
  })
}
