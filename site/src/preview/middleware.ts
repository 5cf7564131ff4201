import { defineMiddleware } from 'astro:middleware'
import { siteContent } from '../lib/content.ts'
import { readSiteEnv } from '../lib/env.ts'
import { runInPreview } from '../lib/preview-scope.ts'
import { escapeHtml } from '../lib/rich-text/index.ts'
import { parseCaptionsPath, previewCaptions } from './captions.ts'
import { fetchDraft } from './draft.ts'
import { previewFrameAncestors } from './frame-ancestors.ts'
import { fetchCmsMedia } from './media.ts'
import { parsePreviewPath } from './routes.ts'

// A draft is never stored by a cache, indexed, or leaked with its token in a Referer.
const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
}

// Inside the admin's live preview panel, a refused version (a required field left empty) reloads at
// the next save, when the editor may have fixed it. The page is otherwise static; the full follower
// (./live-refresh.ts) comes with the views.
const RELOAD_ON_SAVE =
  "<script>if(parent!==window&&document.referrer){const admin=new URL(document.referrer).origin;addEventListener('message',(e)=>{if(e.origin===admin&&e.source===parent&&e.data&&e.data.type==='payload-document-event')location.reload()});parent.postMessage({type:'payload-live-preview',ready:true},admin)}</script>"

/**
 * A refusal as a small HTML page: why, and what to do; never the draft, never a stack trace. Inside
 * the admin's live preview panel, the page's script shows the message over the last good version.
 */
function refusal(status: number, message: string, extraHeaders: Record<string, string> = {}): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow"><title>Preview unavailable</title></head><body><main><h1>Preview unavailable</h1><p>${escapeHtml(message)}</p></main>${RELOAD_ON_SAVE}</body></html>`
  return new Response(html, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...PRIVATE_HEADERS, ...extraHeaders },
  })
}

/**
 * The gate in front of `/preview/<route>/<id>?token=...` (added only where draft preview runs:
 * src/integrations/draft-preview.ts). It has the CMS check the token and hand over the draft, then
 * renders the page with the draft and CMS-served media in scope (src/lib/preview-scope.ts). Every
 * other path passes through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (!context.url.pathname.startsWith('/preview/')) return next()
  // A draft's captions, public media like every file the page shows: no token (./captions.ts).
  const captions = parseCaptionsPath(context.url.pathname)
  if (captions) return previewCaptions(readSiteEnv().cmsUrl, captions)
  const target = parsePreviewPath(context.url.pathname)
  if (!target) return refusal(404, 'There is no such preview.')
  const token = context.url.searchParams.get('token')
  if (!token) return refusal(401, 'This preview link has no token: open Preview from the admin.')

  const { cmsUrl } = readSiteEnv()
  const framing = { 'content-security-policy': `frame-ancestors ${previewFrameAncestors(cmsUrl)}` }
  const read = await fetchDraft(cmsUrl, target, token)
  if (!read.ok) return refusal(read.status, read.message, framing)
  let media: Awaited<ReturnType<typeof fetchCmsMedia>>
  try {
    media = await fetchCmsMedia(cmsUrl)
  } catch {
    return refusal(502, 'The CMS cannot be reached; try again in a moment.', framing)
  }
  // The published site around the draft, read outside the scope; only its media are swapped.
  const content = { ...(await siteContent()), media }
  const response = await runInPreview({ draft: read.draft, content }, next)
  const headers = new Headers(response.headers)
  for (const [name, value] of Object.entries({ ...PRIVATE_HEADERS, ...framing })) headers.set(name, value)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
})
