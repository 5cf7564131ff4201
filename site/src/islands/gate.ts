import type { ClientDirective } from 'astro'

// The `client:idle3d` directive (registered by src/integrations/islands.ts). Astro inlines it into
// the pages that have a 3D island, so it must stay tiny: it decides, before a byte of three.js is
// fetched, whether the island starts at all, and when. The poster in the HTML is the page's image;
// the island starts only once the page is usable and the visitor is there:
// - never under prefers-reduced-motion, Save-Data, or without WebGL (the poster stays);
// - when its stage is near the viewport AND the page has loaded AND the visitor has interacted with
//   the page (scroll, pointer, touch, key) AND the main thread is idle: parsing three.js takes the
//   main thread for a while, and a page that loads it unasked scores 0.73 in Lighthouse (TBT 1.7 s,
//   bench/src/islands.ts), however late it starts;
// - or at once when the visitor points at or focuses the stage (intent).
// The stage (`[data-island]`) carries `data-island-state` for styles and tests:
// `waiting` → `off` (with `data-island-off`: reduced-motion | save-data | no-webgl) or `loading`;
// the island itself sets `ready` after its first frame.

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas')
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
    // Give the probe's context back at once: browsers cap live contexts.
    gl?.getExtension('WEBGL_lose_context')?.loseContext()
    return gl !== null
  } catch {
    return false
  }
}

const idle3d: ClientDirective = (load, _options, el) => {
  const stage = el.closest<HTMLElement>('[data-island]') ?? el
  const off = (reason: string) => {
    stage.dataset.islandState = 'off'
    stage.dataset.islandOff = reason
  }
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return off('reduced-motion')
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)
    return off('save-data')
  stage.dataset.islandState = 'waiting'

  let started = false
  const start = async () => {
    if (started) return
    started = true
    observer.disconnect()
    stage.removeEventListener('pointerenter', start)
    stage.removeEventListener('focusin', start)
    if (!webglAvailable()) return off('no-webgl')
    stage.dataset.islandState = 'loading'
    const hydrate = await load()
    await hydrate()
  }
  // Three conditions, in any order: the stage near the viewport, the page loaded, a first interaction.
  const INPUTS = ['scroll', 'wheel', 'pointermove', 'pointerdown', 'touchstart', 'keydown'] as const
  let visible = false
  let loaded = document.readyState === 'complete'
  let interacted = false
  const maybeStart = () => {
    if (!visible || !loaded || !interacted || started) return
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 })
    else setTimeout(start, 200)
  }
  const onInput = (event: Event) => {
    // Chromium sends a trusted pointermove with no movement when the layout changes under a resting
    // pointer (here, as the page finishes loading): the visitor did nothing, so it does not count.
    if (event instanceof PointerEvent && event.type === 'pointermove' && !event.movementX && !event.movementY)
      return
    for (const type of INPUTS) removeEventListener(type, onInput)
    interacted = true
    maybeStart()
  }
  for (const type of INPUTS) addEventListener(type, onInput, { passive: true })
  if (!loaded)
    addEventListener(
      'load',
      () => {
        loaded = true
        maybeStart()
      },
      { once: true },
    )
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      visible = true
      maybeStart()
    },
    { rootMargin: '200px' },
  )
  observer.observe(stage)
  stage.addEventListener('pointerenter', start)
  stage.addEventListener('focusin', start)
}

export default idle3d
