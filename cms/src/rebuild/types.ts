/**
 * Something that brings the public site up to date with the CMS: a deploy hook in production, a
 * local `astro build` in development, nothing in tests.
 *
 * `request` resolves once the rebuild it asked for has been triggered (or has finished, for a local
 * build) and rejects if it failed; the debounced wrapper the hooks use never rejects, it logs.
 */
export interface SiteRebuilder {
  readonly name: string
  /** `edit`: the write was a published document's edit that may go live before the build (./local.ts). */
  request(reason: string, edit?: PublishedEdit): Promise<void>
}

/** The collections whose published edits the site can put live before its full build. */
export const FAST_PUBLISHED = ['case-studies', 'services', 'pages'] as const

/** An edit of a published case study, service or page, still published after it. */
export interface PublishedEdit {
  collection: (typeof FAST_PUBLISHED)[number]
  id: string
}

/** Where rebuilders report; never given secrets. Defaults to the console with a `site-rebuild:` prefix. */
export interface RebuildLog {
  info(message: string): void
  warn(message: string): void
}

export const consoleLog: RebuildLog = {
  info: (message) => console.info(`site-rebuild: ${message}`),
  warn: (message) => console.warn(`site-rebuild: ${message}`),
}

/** A rebuilder that does nothing: `SITE_REBUILD=off` (the default, so tests and `next build` never build). */
export const noopRebuilder: SiteRebuilder = {
  name: 'off',
  request: async () => undefined,
}

/** Joins the reasons of several requests into one log-friendly line. */
export function summarise(reasons: readonly string[]): string {
  const unique = [...new Set(reasons)]
  const shown = unique.slice(0, 3).join('; ')
  return unique.length > 3 ? `${shown}; and ${unique.length - 3} more` : shown
}
