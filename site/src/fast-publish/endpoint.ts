import { dirname, join } from 'node:path'
import type { APIRoute } from 'astro'
import { siteContentFrom } from '../lib/content.ts'
import { readSiteEnv } from '../lib/env.ts'
import { pinSiteContent } from '../lib/pinned-content.ts'
import { keyedPageUrls } from '../lib/static-paths.ts'
import { isRoutableCollection } from '../loaders/routable-collections.ts'
import { type Edit, overlayEdits } from './overlay.ts'
import { renderPlan } from './plan.ts'
import { recordedPageKeys } from './recorded-keys.ts'
import { storeFile } from './store-slot.ts'
import { readStoreSnapshot } from './store-snapshot.ts'

// Rendered on demand: this route exists only in the fast publisher's render bundle
// (astro.render.config.ts), which only scripts/fast-publish.ts runs, on loopback, for one edit.
export const prerender = false

/** `case-studies:12` → an edit; anything else → undefined. */
function parseEdit(value: string): Edit | undefined {
  const [collection = '', id = ''] = value.split(':')
  return isRoutableCollection(collection) && /^[1-9]\d{0,15}$/.test(id) ? { collection, id } : undefined
}

const json = (body: unknown, status = 200) => Response.json(body, { status })

/**
 * `GET /_kairo/fast-publish?edit=case-studies:12&edit=…`: reads the last full build's content store
 * (the file scripts/fast-publish.ts names: ./store-slot.ts) and the edited documents (one CMS read each), pins the site as it is after
 * the edits for this process's later page requests, and answers which pages to render
 * (src/fast-publish/plan.ts), or why the edit is left to the full build.
 */
export const GET: APIRoute = async ({ url }) => {
  const store = storeFile()
  const edits = url.searchParams.getAll('edit').map(parseEdit)
  if (!store) return json({ ok: false, reason: 'no content store was named' }, 500)
  if (edits.length === 0 || edits.some((edit) => !edit))
    return json({ ok: false, reason: 'expected ?edit=<collection>:<id>' }, 400)
  try {
    const started = performance.now()
    const lap = () => Math.round(performance.now() - started)
    const [stored, recorded] = await Promise.all([
      readStoreSnapshot(store),
      recordedPageKeys(join(dirname(store), 'incremental-build.json')),
    ])
    const read = lap()
    const overlaid = await overlayEdits(stored, edits as Edit[], readSiteEnv().cmsUrl)
    if (!overlaid.ok) return json(overlaid)
    const fetched = lap()
    const after = siteContentFrom(overlaid.collections)
    const plan = renderPlan(recorded ?? keyedPageUrls(siteContentFrom(stored)), keyedPageUrls(after))
    if (plan.ok) pinSiteContent(after)
    return json({ ...plan, timings: { storeMs: read, cmsMs: fetched - read, keysMs: lap() - fetched } })
  } catch (error) {
    return json({ ok: false, reason: error instanceof Error ? error.message : String(error) })
  }
}
