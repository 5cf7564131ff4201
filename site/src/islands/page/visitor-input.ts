/**
 * The visitor's input on the page that the 3D makes way for: a scroll (by wheel, touch, keys or
 * scrollbar alike), a tap or click, a key. Not `wheel` or `touchmove`: a page listener for those has
 * the browser send every such event to the page's thread, which otherwise scrolls without it.
 */
const INPUTS = ['scroll', 'pointerdown', 'keydown'] as const
/**
 * How long the visitor counts as busy after the last such input. A scroll sends its events every
 * frame and a tap's pointerdown comes about 100 ms before its click, so the 3D waits out the whole
 * gesture and the page's response to it, not only its first event.
 */
export const BUSY_QUIET_MS = 300

/**
 * Calls `onChange(true)` at the first input of a burst and `onChange(false)` once BUSY_QUIET_MS have
 * passed without one; input that `ignore` accepts (by its target) does not count. Captured on the
 * window, passively: scrolls of inner boxes do not bubble, and no handler may hide the input. Returns
 * a function that stops following.
 */
export function followVisitorInput(
  onChange: (busy: boolean) => void,
  ignore: (target: EventTarget | null) => boolean = () => false,
): () => void {
  // One timer per burst of input, not one per event: a scroll sends dozens.
  let lastInput = 0
  let quietTimer: ReturnType<typeof setTimeout> | undefined
  const whenQuiet = () => {
    const left = lastInput + BUSY_QUIET_MS - performance.now()
    if (left > 0) quietTimer = setTimeout(whenQuiet, left)
    else {
      quietTimer = undefined
      onChange(false)
    }
  }
  const onInput = (event: Event) => {
    if (ignore(event.target)) return
    lastInput = performance.now()
    if (quietTimer !== undefined) return
    onChange(true)
    quietTimer = setTimeout(whenQuiet, BUSY_QUIET_MS)
  }
  for (const type of INPUTS) addEventListener(type, onInput, { passive: true, capture: true })
  return () => {
    clearTimeout(quietTimer)
    for (const type of INPUTS) removeEventListener(type, onInput, { capture: true })
  }
}

// When the visitor last scrolled, tapped or typed, followed from the moment the boot script loads.
let lastInput = Number.NEGATIVE_INFINITY
const noteInput = () => {
  lastInput = performance.now()
}
for (const type of INPUTS) addEventListener(type, noteInput, { passive: true, capture: true })

/**
 * Runs `task` once the visitor has made no input for `pauseMs`: at once, or `pauseMs` after their
 * last input (and again, while they go on).
 */
export function whenVisitorQuiet(task: () => void, pauseMs = BUSY_QUIET_MS): void {
  const left = lastInput + pauseMs - performance.now()
  if (left <= 0) task()
  else setTimeout(() => whenVisitorQuiet(task, pauseMs), left)
}
