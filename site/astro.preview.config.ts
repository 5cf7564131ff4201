import node from '@astrojs/node'
import type { AstroIntegration } from 'astro'
import config from './astro.config.ts'
import { draftPreview } from './src/integrations/draft-preview.ts'

/**
 * The draft preview server: the same site, plus the on-demand `/preview/<route>/<id>` route, served
 * by Node (`@astrojs/node`, standalone) from `dist-preview/`. Editors reach it through the signed
 * links the CMS makes (SITE_PREVIEW_URL); it is never the public site, which stays fully static.
 * Published pages in it are as of its build; drafts and media are read from the CMS per request.
 */
export default {
  ...config,
  outDir: './dist-preview',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    ...(config.integrations as AstroIntegration[]).filter(({ name }) => name !== 'kairo:draft-preview'),
    draftPreview({ mode: 'server' }),
  ],
}
