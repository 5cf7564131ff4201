import { sceneContext } from '../webgl-context.ts'
import type { PageMessage, WorkerMessage } from './messages.ts'

// The entry of a 3D island's worker, small on purpose: it makes the scene's WebGL context on the
// page's canvas before it loads the scene (scene.tsx: three.js, R3F, 219 KB gzip), so a browser that
// cannot draw here tells the page (`failed`: the page then tries its own thread) for the price of
// this file, and one that can draws with that same context.
// Messages that arrive while the scene loads are kept and handed over in order.

// The worker's global scope, as far as this file uses it (the site's types are the DOM's).
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void
  /** The canvas, for the browser's developer tools and the browser tests (they lose its context). */
  islandCanvas?: OffscreenCanvas
}

const send = (message: WorkerMessage) => scope.postMessage(message)

const waiting: PageMessage[] = []
let handle: ((message: PageMessage) => void) | undefined

// Whether the visitor is scrolling, tapping or typing on the page (the stage's `busy` signal). The
// scene's start makes way for them: its code is compiled and its renderer made only in a pause, since
// with WebGL drawn in software both take the cores the page's thread needs for the visitor's input.
let busy = false
let onQuiet: (() => void) | undefined
const whenPageQuiet = (): Promise<void> =>
  new Promise((resolve) => {
    if (busy) onQuiet = resolve
    else resolve()
  })
const followBusy = (message: PageMessage) => {
  if (message.type !== 'signals') return
  busy = message.signals.busy
  if (!busy) onQuiet?.()
}

async function start(init: Extract<PageMessage, { type: 'init' }>) {
  scope.islandCanvas = init.canvas
  const context = sceneContext(init.canvas)
  if (!context) return send({ type: 'failed', reason: 'no-webgl' })
  try {
    // The page's first signals come right after `init`: read them before deciding.
    await new Promise((resolve) => setTimeout(resolve))
    await whenPageQuiet()
    const { startScene } = await import('./scene.tsx')
    await whenPageQuiet()
    handle = await startScene(init, context, send)
  } catch {
    // The scene's code did not load, or three could not get a context from this canvas.
    return send({ type: 'failed', reason: 'worker' })
  }
  for (const message of waiting.splice(0)) handle(message)
}

scope.addEventListener('message', (event) => {
  const message = event.data
  followBusy(message)
  if (message.type === 'init') void start(message)
  else if (handle) handle(message)
  else waiting.push(message)
})
