/**
 * The site's configuration, read and validated once. The build reads the CMS over REST (`CMS_URL`)
 * and writes canonical URLs against the public origin (`SITE_URL`).
 */
export interface SiteEnv {
  /** Origin of the Payload CMS, without a trailing slash. */
  cmsUrl: string
  /** Public origin of the site, without a trailing slash. */
  siteUrl: string
  /**
   * `SITE_CONTENT_OFFLINE=1`: loaders skip the CMS and keep what the store already holds. Only for
   * type checking (`astro check` syncs content first); a build with it set may ship stale or no pages.
   */
  contentOffline: boolean
  /**
   * `SITE_BUILD_IN_PLACE=1` (set by scripts/build.ts): `astro build` keeps its output folder instead
   * of emptying it, so an incremental build leaves the pages it skips where they are and removes only
   * what went stale (src/integrations/stale-output.ts). Unset, every build starts from an empty folder.
   */
  buildInPlace: boolean
  /**
   * `SITE_BUILD_CACHE_DIR`: Astro's cache folder (the content store, the incremental build's record,
   * the media, model and card caches) somewhere else than `node_modules/.astro`; a benchmark keeps a
   * large site's builds apart from the developer's own. Unset, Astro's default.
   */
  cacheDir: string | undefined
}

const DEFAULTS = {
  CMS_URL: 'http://localhost:3000',
  SITE_URL: 'http://localhost:4321',
} as const

/**
 * Reads `CMS_URL` and `SITE_URL` (both optional, with local defaults) and checks that each is an
 * absolute http(s) URL, and the `SITE_CONTENT_OFFLINE` and `SITE_BUILD_IN_PLACE` switches. Throws one error naming every bad variable, so a misconfigured build stops
 * before it makes a request.
 */
export function readSiteEnv(env: Record<string, string | undefined> = process.env): SiteEnv {
  const problems: string[] = []
  const read = (name: keyof typeof DEFAULTS): string => {
    const raw = env[name]?.trim() || DEFAULTS[name]
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      problems.push(`${name} is not a URL (got "${raw}")`)
      return raw
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push(`${name} must be an http(s) URL (got "${raw}")`)
    }
    return raw.replace(/\/+$/, '')
  }
  const cmsUrl = read('CMS_URL')
  const siteUrl = read('SITE_URL')
  const flag = (name: 'SITE_CONTENT_OFFLINE' | 'SITE_BUILD_IN_PLACE'): boolean => {
    const value = env[name]?.trim() ?? ''
    if (!['', '0', '1'].includes(value)) problems.push(`${name} must be 0 or 1 (got "${value}")`)
    return value === '1'
  }
  const contentOffline = flag('SITE_CONTENT_OFFLINE')
  const buildInPlace = flag('SITE_BUILD_IN_PLACE')
  if (problems.length > 0) throw new Error(`Invalid site configuration: ${problems.join('; ')}`)
  const cacheDir = env.SITE_BUILD_CACHE_DIR?.trim() || undefined
  return { cmsUrl, siteUrl, contentOffline, buildInPlace, cacheDir }
}
