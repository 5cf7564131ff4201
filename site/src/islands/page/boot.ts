import { viewerManifestPath } from '../../lib/viewer-manifest-path.ts'
import { hasControls, SCENES, type SceneName, type SceneProps } from '../scene-props.ts'
import { canDrawInWorker, reasonForNoMotion, webglOnPage, whenLoadedAndIdle, whenNear } from './conditions.ts'
import type { StageElements } from './stage-elements.ts'
import { whenVisitorQuiet } from './visitor-input.ts'
import { startInWorker } from './worker-bridge.ts'

// The 3D islands' boot script: the only island code a page runs before a scene starts, and all the
// page runs of it while the scene draws in a worker. Pages with a model include it
// (components/models/*.astro); pages without one ship no JavaScript at all. For each stage it decides
// whether the scene starts at all, where and when. The poster in the HTML is the page's image:
// - never under prefers-reduced-motion, Save-Data, or without WebGL (the poster stays);
// - in a worker (worker-bridge.ts) where the browser can draw WebGL from one: once the stage is near
//   the viewport, the page has loaded, the main thread is idle and the visitor has paused (no
//   scroll, tap or key for START_PAUSE_MS, visitor-input.ts), with no need for an interaction,
//   because three.js then never takes the thread the visitor is using. The pause matters where WebGL
//   is drawn in software: the scene's start (its code compiled, its context made, its first frames)
//   takes the cores the page's thread needs, and a tap in the middle of it waited about twice as long
//   as on the poster alone (bench:island-interaction);
// - on the main thread (main-thread.tsx) elsewhere, or when the worker fails: as above, and also
//   only after the visitor's first interaction with the page (scroll, pointer, touch, key), since
//   parsing three.js there holds the page for a while (Lighthouse 0.73 and 1.7 s of blocking time
//   when it started unasked, bench/src/islands.ts);
// - at once, either way, when the visitor points at or focuses the stage (intent).
// The stage carries `data-island-state` for styles and tests: `waiting` → `off` (with
// `data-island-off`: reduced-motion | save-data | no-webgl | no-manifest | manifest) or `loading`
// → `ready` after the first frame (→ `lost` and back while a lost WebGL context is restored).

const INPUTS = ['scroll', 'wheel', 'pointermove', 'pointerdown', 'touchstart', 'keydown'] as const
/** Idle callbacks wait at most this long for an idle moment, so the 3D still comes on a busy page. */
const IDLE_TIMEOUT_MS = 3000
/**
 * How long the visitor must have left the page alone before a scene starts by itself: a pause in
 * reading, not the gap between two flicks of a scroll (a few hundred milliseconds).
 */
const START_PAUSE_MS = 1000

/** Resolves once the visitor has interacted with the page. */
const firstInteraction = new Promise<void>((resolve) => {
  const onInput = (event: Event) => {
    // Chromium sends a trusted pointermove with no movement when the layout changes under a resting
    // pointer (as the page finishes loading): the visitor did nothing, so it does not count.
    if (event instanceof PointerEvent && event.type === 'pointermove' && !event.movementX && !event.movementY)
      return
    for (const type of INPUTS) removeEventListener(type, onInput)
    resolve()
  }
  for (const type of INPUTS) addEventListener(type, onInput, { passive: true })
})

/** The scene's props: as the page wrote them, or for the dashboard's viewer, its manifest's URL. */
function propsOf(box: HTMLElement, scene: SceneName): SceneProps | null {
  if (scene !== 'deliverable') return JSON.parse(box.dataset.islandProps ?? 'null')
  const path = viewerManifestPath(location.search)
  return path ? { manifest: new URL(path, location.origin).href } : null
}

/** Calls `onReady` once, when the stage's scene has drawn its first frame. */
function whenReady(stage: HTMLElement, onReady: () => void): void {
  const observer = new MutationObserver(() => {
    if (stage.dataset.islandState !== 'ready') return
    observer.disconnect()
    onReady()
  })
  observer.observe(stage, { attributes: true, attributeFilter: ['data-island-state'] })
}

/**
 * A running scene with controls takes keyboard focus: the arrow keys turn the model, + and −
 * zoom (Controls.tsx). Only then: a stage that may never show more than its poster is no tab stop.
 */
function takeKeyboardFocus(box: HTMLElement): void {
  if (box.hasAttribute('tabindex')) return
  box.tabIndex = 0
  box.setAttribute('role', 'group')
  box.setAttribute('aria-label', '3D view: the arrow keys turn the model, plus and minus zoom')
}

function boot(box: HTMLElement): void {
  const stage = box.closest<HTMLElement>('[data-island]') ?? box
  const elements: StageElements = { stage, box }
  const scene = stage.dataset.scene as SceneName
  const off = (reason: string) => {
    stage.dataset.islandState = 'off'
    stage.dataset.islandOff = reason
  }
  if (!SCENES.includes(scene)) return
  const noMotion = reasonForNoMotion()
  const props = propsOf(box, scene)
  if (noMotion || !props) {
    off(noMotion ?? 'no-manifest')
    return
  }
  stage.dataset.islandState = 'waiting'

  let started = false
  /** On the page's own thread: only after a first interaction, and only with WebGL there. */
  const onMainThread = async () => {
    await firstInteraction
    if (!webglOnPage()) {
      off('no-webgl')
      return
    }
    stage.dataset.islandState = 'loading'
    const { startOnMainThread } = await import('./main-thread.tsx')
    startOnMainThread(elements, scene, props)
  }
  const start = async () => {
    if (started) return
    started = true
    stopNear()
    box.removeEventListener('pointerenter', onIntent)
    box.removeEventListener('focusin', onIntent)
    if (!canDrawInWorker()) return onMainThread()
    stage.dataset.islandState = 'loading'
    startInWorker(elements, scene, props, () => {
      // No WebGL in the worker, or its script refused: the page's own thread, on its terms.
      stage.dataset.islandState = 'waiting'
      void onMainThread()
    })
  }
  if (hasControls(scene)) whenReady(stage, () => takeKeyboardFocus(box))
  const onIntent = () => void start()
  const stopNear = whenNear(stage, () =>
    whenLoadedAndIdle(() => whenVisitorQuiet(() => void start(), START_PAUSE_MS), IDLE_TIMEOUT_MS),
  )
  box.addEventListener('pointerenter', onIntent)
  box.addEventListener('focusin', onIntent)
}

for (const box of document.querySelectorAll<HTMLElement>('[data-island-props]')) boot(box)
