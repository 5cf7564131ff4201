/**
 * The preview server's paths, `/preview/<route>/<id>`, and the CMS collection each reads. The CMS
 * makes these links (cms/src/preview/targets.ts); the two lists must agree.
 */
export const PREVIEW_ROUTES = {
  work: 'case-studies',
  services: 'services',
  pages: 'pages',
} as const

export type PreviewCollection = (typeof PREVIEW_ROUTES)[keyof typeof PREVIEW_ROUTES]

export const PREVIEW_PATTERN = '/preview/[route]/[id]'
const PATH = /^\/preview\/([a-z]+)\/([1-9]\d{0,15})\/?$/

/** The collection and id a preview path names, or undefined for any other path. */
export function parsePreviewPath(
  pathname: string,
): { collection: PreviewCollection; id: string } | undefined {
  const [, route, id] = PATH.exec(pathname) ?? []
  if (!route || !id || !Object.hasOwn(PREVIEW_ROUTES, route)) return undefined
  return { collection: PREVIEW_ROUTES[route as keyof typeof PREVIEW_ROUTES], id }
}
