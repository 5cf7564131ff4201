import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'
import { copyMedia } from './src/integrations/copy-media.ts'
import { draftPreview } from './src/integrations/draft-preview.ts'
import { islands } from './src/integrations/islands.ts'
import { ogCards } from './src/integrations/og-cards.ts'
import { pageWeights } from './src/integrations/page-weights.ts'
import { refreshContentEndpoint } from './src/integrations/refresh-content.ts'
import { securityHeaders } from './src/integrations/security-headers.ts'
import { staleOutput } from './src/integrations/stale-output.ts'
import { readSiteEnv } from './src/lib/env.ts'

const { siteUrl, buildInPlace, cacheDir } = readSiteEnv()
// Written by the card integration, kept by stale-output: made first, so both can name it.
const cards = ogCards()
// The Worker owns these paths; in dev the site's server forwards them so the browser sees one origin.
const WORKER_DEV_ORIGIN = 'http://127.0.0.1:8787'
// A `^` key is a RegExp to Vite: match whole segments so `/apiary` stays the site's.
// `/search` (no slash) is the Worker's answer; the form page `/search/` stays the site's.
const WORKER_PATHS =
  '^/(api|login|logout|dashboard|password-reset|invite|unsubscribe)(/|\\?|$)|^/search(\\?|$)'

export default defineConfig({
  site: siteUrl,
  output: 'static',
  ...(cacheDir ? { cacheDir } : {}),
  // `/work/<slug>/index.html`; Cloudflare's default `auto-trailing-slash` serves it at
  // `/work/<slug>/` and redirects `/work/<slug>` there, and the site's own links carry the slash.
  build: { format: 'directory' },
  // Not 'always': in dev, Astro's trailing-slash check answers 404 to `/api/health` and `/login`
  // before Vite's proxy can forward them to the Worker, whose routes have no trailing slash.
  trailingSlash: 'ignore',
  // React renders the 3D islands (src/islands/), which only pages with a model carry.
  // sitemap-index.xml lists every built page except the contact thank-you state, the 404 page, the
  // dashboard's 3D viewer (a frame, not a page of the site) and the search form (its results are the
  // Worker's answers, not pages of their own).
  integrations: [
    // First, so the other integrations' build hooks never see stale pages: with SITE_BUILD_IN_PLACE
    // (scripts/build.ts) the output folder is kept between builds, and what a build left over goes.
    staleOutput({ enabled: buildInPlace, keep: cards.owns }),
    react(),
    sitemap({ filter: (page) => !/\/contact\/thanks\/$|\/404\/?$|\/viewer\/$|\/search\/$/.test(page) }),
    copyMedia(),
    // `client:idle3d`, model files into dist/models/, decoders into dist/decoders/.
    islands(),
    // Dev only: the CMS asks for a content reload on publish (cms/README.md).
    refreshContentEndpoint(),
    // `_headers` for the static host: the Worker's security headers and a CSP by script hash.
    securityHeaders(),
    // page-weights.json: every page's weight (HTML, CSS, JS, images, first 3D), those over budget warned.
    pageWeights(),
    // The Open Graph cards: drawn in threads from the build's start, written into the output here, the
    // cache's unused cards dropped. Last of the hooks: the others run while the threads finish.
    cards,
    // `astro dev` only: /preview/<route>/<id>?token= renders a draft (astro.preview.config.ts serves it
    // in production). The public build has no preview route.
    draftPreview({ mode: 'dev' }),
  ],
  // A rebuild renders only the pages whose inputs changed: each dynamic route returns a `cacheKey`
  // per page (src/lib/cache-keys.ts), and Astro copies the previous output of a page whose key and
  // code are unchanged. Its record and copies live in `cacheDir` (README "Incremental builds").
  experimental: { incrementalBuild: true },
  server: { port: 4321 },
  vite: {
    // Astro empties its output folder unless this is false (then the incremental build's skipped pages
    // stay in place; src/integrations/stale-output.ts removes what went stale).
    build: { emptyOutDir: !buildInPlace },
    server: {
      proxy: { [WORKER_PATHS]: { target: WORKER_DEV_ORIGIN } },
    },
  },
})
