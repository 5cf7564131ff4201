import { ORBIT_KEYS } from '../orbit-keys.ts'
import type { ForwardedEvent } from '../worker/messages.ts'

/** The stage's events a scene in a worker hears (R3F's pointer events, OrbitControls, idle motion). */
const POINTER_TYPES = [
  'pointerdown',
  'pointermove',
  'pointerup',
  'pointercancel',
  'pointerleave',
  'click',
  'dblclick',
]

function forwarded(event: Event, box: Element): ForwardedEvent {
  const rect = box.getBoundingClientRect()
  const pointer = event as Partial<PointerEvent & WheelEvent>
  const key = event as Partial<KeyboardEvent>
  return {
    type: event.type,
    offsetX: (pointer.clientX ?? 0) - rect.left,
    offsetY: (pointer.clientY ?? 0) - rect.top,
    pointerId: pointer.pointerId ?? 0,
    pointerType: pointer.pointerType ?? 'mouse',
    button: pointer.button ?? 0,
    buttons: pointer.buttons ?? 0,
    deltaX: pointer.deltaX ?? 0,
    deltaY: pointer.deltaY ?? 0,
    deltaMode: pointer.deltaMode ?? 0,
    key: key.key ?? '',
    code: key.code ?? '',
    ctrlKey: key.ctrlKey ?? false,
    metaKey: key.metaKey ?? false,
    shiftKey: key.shiftKey ?? false,
    altKey: key.altKey ?? false,
  }
}

/**
 * Sends the visitor's input over the stage's box to the scene's worker. The page keeps what only
 * it can do: it captures the pointer on pointerdown (so a drag that leaves the box still reaches the
 * controls), and where the scene has controls it keeps the wheel and the orbit keys from scrolling
 * the page, as OrbitControls would on the main thread. Returns a function that stops forwarding.
 */
export function forwardInput(
  box: HTMLElement,
  controls: boolean,
  send: (event: ForwardedEvent) => void,
): () => void {
  const onPointer = (event: Event) => {
    if (event.type === 'pointerdown' && controls) box.setPointerCapture((event as PointerEvent).pointerId)
    send(forwarded(event, box))
  }
  const onWheel = (event: WheelEvent) => {
    event.preventDefault()
    send(forwarded(event, box))
  }
  const onKey = (event: KeyboardEvent) => {
    if (event.target !== box || !(event.key in ORBIT_KEYS) || event.altKey) return
    event.preventDefault()
    send(forwarded(event, box))
  }
  for (const type of POINTER_TYPES) box.addEventListener(type, onPointer, { passive: true })
  if (controls) {
    box.addEventListener('wheel', onWheel, { passive: false })
    box.addEventListener('keydown', onKey)
    // OrbitControls would set this on its element: touch drags turn the model, not the page.
    box.style.touchAction = 'none'
  }
  return () => {
    for (const type of POINTER_TYPES) box.removeEventListener(type, onPointer)
    box.removeEventListener('wheel', onWheel)
    box.removeEventListener('keydown', onKey)
  }
}
