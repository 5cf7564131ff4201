import { AsyncLocalStorage } from 'node:async_hooks'
import type { SiteContent } from './content.ts'
import { processSlot } from './process-slot.ts'
import type { CaseStudyData, PageData, ServiceData } from './schemas.ts'

/** One draft being previewed, parsed with the schemas the published pages use. */
export type PreviewDraft =
  | { collection: 'case-studies'; data: CaseStudyData; html: string }
  | { collection: 'services'; data: ServiceData; html: string }
  | { collection: 'pages'; data: PageData }

/** What one preview request renders with: the draft, and the site content around it. */
export interface PreviewScope {
  draft: PreviewDraft
  content: SiteContent
}

// One store per process (src/lib/process-slot.ts): the middleware and the pages must share it even if
// a bundler gives each its own copy of this module.
const slot = processSlot<AsyncLocalStorage<PreviewScope>>('kairo.preview-scope')
const storage = slot.get() ?? slot.set(new AsyncLocalStorage<PreviewScope>())

/**
 * Runs `render` (the rest of a preview request) with `scope` in force: every component that asks for
 * the site content during it, down to the blocks, gets the preview's (whose media point at the CMS).
 */
export function runInPreview<T>(scope: PreviewScope, render: () => T): T {
  return storage.run(scope, render)
}

/** The preview being rendered, or undefined outside a preview request (always, in the public build). */
export function currentPreview(): PreviewScope | undefined {
  return storage.getStore()
}
