// Its own module: the islands' boot script reads the viewer's `?manifest=` with it, and must not
// carry the manifest's parser (manifest-model.ts), which only the scene needs.

/**
 * The manifest path a viewer page was given (`?manifest=`), accepted only as a same-origin path under
 * the dashboard's viewer files (`/dashboard/…/viewer/manifest.json`): the page must never be made to
 * load another site's files or another route's answer.
 */
export function viewerManifestPath(search: string): string | null {
  const value = new URLSearchParams(search).get('manifest')
  if (!value) return null
  if (!/^\/dashboard\/[A-Za-z0-9/_-]+\/viewer\/manifest\.json$/.test(value)) return null
  if (value.includes('//') || value.split('/').includes('..')) return null
  return value
}
