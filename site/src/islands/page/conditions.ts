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

/** Creates a WebGL context on `canvas` and gives it back at once (browsers cap live contexts). */
function probe(canvas: HTMLCanvasElement | OffscreenCanvas): boolean {
  try {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null
    gl?.getExtension('WEBGL_lose_context')?.loseContext()
    return gl !== null
  } catch {
    return false
  }
}

/**
 * Where this browser can draw the scene: `worker` when a canvas can hand its drawing to a worker and
 * WebGL works on an OffscreenCanvas, `main` when WebGL works only on the page's own canvas, `none`
 * without WebGL.
 */
export function webglSupport(): 'worker' | 'main' | 'none' {
  if (
    'transferControlToOffscreen' in HTMLCanvasElement.prototype &&
    typeof OffscreenCanvas === 'function' &&
    probe(new OffscreenCanvas(1, 1))
  )
    return 'worker'
  return probe(document.createElement('canvas')) ? 'main' : 'none'
}

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
