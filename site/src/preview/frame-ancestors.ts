const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

/**
 * The origins allowed to frame a draft preview: the CMS's (`CMS_URL`), whose admin shows it in its
 * live preview panel, and nobody else (a draft must not be framed by a stranger's page). On a
 * loopback address the admin may be opened by another loopback name than the one the site reads
 * from (`localhost` and `127.0.0.1` are different origins to a browser), so each name is allowed.
 */
export function previewFrameAncestors(cmsUrl: string): string {
  const cms = new URL(cmsUrl)
  if (!LOOPBACK.includes(cms.hostname)) return cms.origin
  return LOOPBACK.map((host) => `${cms.protocol}//${host}${cms.port ? `:${cms.port}` : ''}`).join(' ')
}
