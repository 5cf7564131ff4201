/**
 * Keeps a draft preview in step with the CMS admin's live preview panel, which frames this page.
 *
 * The panel speaks Payload's live preview protocol over `postMessage`: the framed page says it is
 * ready (`{ type: 'payload-live-preview', ready: true }`), then the admin sends
 * `{ type: 'payload-document-event' }` after every save: each autosave while the editor types, a
 * draft save, a publish. The draft is rendered on the preview server by the site's own views
 * (Payload's "server-side" live preview), so on each event the page fetches itself again and swaps
 * in the new body, keeping the scroll position: no reload, no flash. The admin's other message, the
 * unsaved form's values on every keystroke, is for pages that render in the browser and is ignored.
 */

const READY = { type: 'payload-live-preview', ready: true } as const
const SAVED = 'payload-document-event'
const NOTE = '[data-live-note]'

export function followLivePreview(): void {
  // Opened on its own (the Preview button's tab), there is no panel to follow.
  if (window.parent === window) return
  // The admin frames this page, so the frame's referrer is the admin's origin (its policy sends the
  // origin cross-origin); messages are sent to it and taken from it alone.
  const admin = originOf(document.referrer)
  if (!admin) return
  let current: AbortController | undefined

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== admin || event.source !== window.parent) return
    if (!isSaveEvent(event.data)) return
    current?.abort()
    const request = new AbortController()
    current = request
    void refresh(request.signal)
  })
  window.parent.postMessage(READY, admin)
}

/** Fetches this page again and swaps its body in; a refusal is shown over the last good version. */
async function refresh(signal: AbortSignal): Promise<void> {
  let html: string
  let ok: boolean
  try {
    const response = await fetch(location.href, { cache: 'no-store', signal })
    ok = response.ok
    html = await response.text()
  } catch {
    if (!signal.aborted) showNote('The preview server cannot be reached; the last saved version is shown.')
    return
  }
  if (signal.aborted) return
  const next = new DOMParser().parseFromString(html, 'text/html')
  if (!ok) {
    // The preview's refusal page says why (a required field left empty, an expired link).
    showNote(next.querySelector('main p')?.textContent ?? 'This version cannot be shown.')
    return
  }
  const { scrollX, scrollY } = window
  document.title = next.title
  document.body.replaceChildren(...next.body.childNodes)
  window.scrollTo(scrollX, scrollY)
}

function showNote(text: string): void {
  const note = document.querySelector(NOTE)
  if (note) note.textContent = ` ${text}`
}

function isSaveEvent(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SAVED
}

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined
  } catch {
    return undefined
  }
}
