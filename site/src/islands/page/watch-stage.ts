import type { StageSignals } from '../host.ts'

/**
 * The visitor's input elsewhere on the page that makes the stage `busy`: a scroll (by wheel, touch,
 * keys or scrollbar alike), a tap or click, a key. Not `wheel` or `touchmove`: a page listener for
 * those has the browser send every such event to the page's thread, which otherwise scrolls without it.
 */
const BUSY_INPUTS = ['scroll', 'pointerdown', 'keydown'] as const
/**
 * How long the stage stays busy after the last such input. A scroll sends its events every frame
 * and a tap's pointerdown comes about 100 ms before its click, so the motion waits out the whole
 * gesture and the page's response to it, not only its first event.
 */
const BUSY_QUIET_MS = 300

/**
 * Follows what a scene needs to know of the page (StageSignals) and calls `onChange` with each new
 * value: whether the stage is on screen (near the viewport and the tab shown), whether the visitor
 * points at or focuses it, and, where the stage holds a list of planet links (`[data-planet]`),
 * which link has focus or the pointer. That link's index is also written on the stage
 * (`data-lit-planet`) for styles and tests. The links stay real HTML; the scene only mirrors them.
 * And whether the visitor is busy with the rest of the page (`busy`): input outside the stage
 * within the last BUSY_QUIET_MS. Input over the stage is the visitor using the 3D, never `busy`.
 * Returns a function that stops watching.
 */
export function watchStage(stage: HTMLElement, onChange: (signals: StageSignals) => void): () => void {
  let near = true
  const signals: StageSignals = {
    visible: true,
    // The island may have started because of an interaction already under way.
    intent: stage.matches(':hover, :focus-within'),
    highlighted: null,
    busy: false,
  }
  const update = (change: Partial<StageSignals>) => {
    Object.assign(signals, change)
    onChange({ ...signals })
  }
  const showing = () => update({ visible: near && document.visibilityState === 'visible' })
  const observer = new IntersectionObserver(
    (entries) => {
      near = entries.some((entry) => entry.isIntersecting)
      showing()
    },
    { rootMargin: '100px' },
  )
  observer.observe(stage)
  const onIntent = () => {
    if (!signals.intent) update({ intent: true })
  }
  const light = (value: number | null) => {
    stage.dataset.litPlanet = value === null ? '' : String(value)
    if (signals.highlighted !== value) update({ highlighted: value })
  }
  const pick = (event: Event) => {
    const link = (event.target as HTMLElement).closest<HTMLElement>('[data-planet]')
    light(link ? Number(link.dataset.planet) : null)
  }
  const clear = () => light(null)
  // One timer per burst of input, not one per event: a scroll sends dozens.
  let lastInput = 0
  let quietTimer: ReturnType<typeof setTimeout> | undefined
  const whenQuiet = () => {
    const left = lastInput + BUSY_QUIET_MS - performance.now()
    if (left > 0) quietTimer = setTimeout(whenQuiet, left)
    else {
      quietTimer = undefined
      update({ busy: false })
    }
  }
  const onPageInput = (event: Event) => {
    if (event.target instanceof Node && stage.contains(event.target)) return
    lastInput = performance.now()
    if (quietTimer !== undefined) return
    update({ busy: true })
    quietTimer = setTimeout(whenQuiet, BUSY_QUIET_MS)
  }
  const listeners: Array<[EventTarget, string, EventListener]> = [
    [document, 'visibilitychange', showing],
    [stage, 'pointerenter', onIntent],
    [stage, 'focusin', onIntent],
    [stage, 'touchstart', onIntent],
  ]
  const list = stage.querySelector('[data-planet]')?.closest('ul, ol')
  if (list)
    listeners.push(
      [list, 'focusin', pick],
      [list, 'pointerover', pick],
      [list, 'focusout', clear],
      [list, 'pointerleave', clear],
    )
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, { passive: true })
  // Captured on the window: scrolls of inner boxes do not bubble, and no handler may hide the input.
  for (const type of BUSY_INPUTS) addEventListener(type, onPageInput, { passive: true, capture: true })
  onChange({ ...signals })
  return () => {
    observer.disconnect()
    clearTimeout(quietTimer)
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener)
    for (const type of BUSY_INPUTS) removeEventListener(type, onPageInput, { capture: true })
  }
}
