import type { AstroIntegration } from 'astro'
import { PREVIEW_PATTERN } from '../preview/routes.ts'

export interface DraftPreviewOptions {
  /**
   * `dev` (the site's own config): preview routes in `astro dev` only, never in a build.
   * `server` (astro.preview.config.ts): in the preview server's build too.
   */
  mode: 'dev' | 'server'
}

/**
 * Draft preview: an on-demand route `/preview/<route>/<id>?token=...` (case studies under `work`,
 * `services`, `pages`) and the middleware that has the CMS check the token and fetch the draft
 * (src/preview/). It exists only in `astro dev` and in the separate preview server; the public static
 * build gets neither, so no visitor can reach a draft (site/test/build.test.ts checks).
 */
export function draftPreview(options: DraftPreviewOptions): AstroIntegration {
  return {
    name: 'kairo:draft-preview',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, addMiddleware }) => {
        if (command !== 'dev' && options.mode !== 'server') return
        injectRoute({
          pattern: PREVIEW_PATTERN,
          entrypoint: new URL('../preview/PreviewPage.astro', import.meta.url),
          prerender: false,
        })
        addMiddleware({ entrypoint: new URL('../preview/middleware.ts', import.meta.url), order: 'pre' })
      },
    },
  }
}
