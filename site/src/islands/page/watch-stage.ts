import type { StageSignals } from '../host.ts'
import { followVisitorInput } from './visitor-input.ts'

/**
 * Follows what a scene needs to know of the page (StageSignals) and calls `onChange` with each new
 * value: whether the stage is on screen (near the viewport and the tab shown), whether the visitor
 * points at or focuses it, and, where the stage holds a list of planet links (`[data-planet]`),
 * which link has focus or the pointer. That link's index is also written on the stage
 * (`data-lit-planet`) for styles and tests. The links stay real HTML; the scene only mirrors them.
 * And whether the visitor is busy with the rest of the page (`busy`): input outside the stage
 * within the last 300 ms (visitor-input.ts). Input over the stage is the visitor using the 3D, never `busy`.
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
  const stopFollowing = followVisitorInput(
    (busy) => update({ busy }),
    (target) => target instanceof Node && stage.contains(target),
  )
  onChange({ ...signals })
  return () => {
    observer.disconnect()
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener)
    stopFollowing()
  }
}
