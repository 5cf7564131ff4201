import { canDrawWebGL } from '../webgl-context.ts'

/**
 * When a stage gets no 3D at all (the poster stays): the visitor asked for less motion or less data.
 * The reason, or null.
 */
export function reasonForNoMotion(): string | null {
  if (matchMedia('(prefers-reduced-motion: reduce)').matches) return 'reduced-motion'
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData)
    return 'save-data'
  return null
}

/**
 * Whether a canvas can hand its drawing to a worker. Whether WebGL then works there, the worker
 * checks itself (worker/scene-worker.ts): a WebGL context made here to find out took the page's
 * thread for hundreds of milliseconds on a slow phone, the very cost the worker is there to avoid.
 */
export const canDrawInWorker = (): boolean =>
  'transferControlToOffscreen' in HTMLCanvasElement.prototype && typeof OffscreenCanvas === 'function'

/** Whether WebGL works on the page's own canvas. */
export const webglOnPage = (): boolean => canDrawWebGL(document.createElement('canvas'))

/** Runs `task` once the page has loaded and then the main thread is idle (at most `timeout` ms later). */
export function whenLoadedAndIdle(task: () => void, timeout: number): void {
  const idle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout })
    else setTimeout(task, 200)
  }
  if (document.readyState === 'complete') idle()
  else addEventListener('load', idle, { once: true })
}

/** Calls `onNear` once, when `element` comes within 200 px of the viewport. */
export function whenNear(element: Element, onNear: () => void): () => void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      onNear()
    },
    { rootMargin: '200px' },
  )
  observer.observe(element)
  return () => observer.disconnect()
}
