import { hasControls, type SceneName, type SceneProps } from '../scene-props.ts'
import type { PageMessage, StageSize, WorkerMessage } from '../worker/messages.ts'
import { forwardInput } from './forward-input.ts'
import { canvasLayer, type StageElements } from './stage-elements.ts'
import { watchStage } from './watch-stage.ts'

const MAX_DPR = 1.5
const sizeOf = (box: Element): StageSize => {
  const { width, height } = box.getBoundingClientRect()
  return { width: Math.max(1, width), height: Math.max(1, height), dpr: Math.min(devicePixelRatio, MAX_DPR) }
}

/**
 * Starts a scene in its own worker, drawing into a canvas over the poster: the canvas hands its
 * drawing to the worker (OffscreenCanvas), which loads three.js, React Three Fiber, the loaders and
 * the model, and renders there; the page keeps only this bridge. It forwards the visitor's input,
 * the stage's signals and its size, and acts on what the scene asks (state, navigation, cursor).
 * `onFailure` runs if the worker cannot start or draw (its script refused, no WebGL in workers).
 */
export function startInWorker(
  elements: StageElements,
  scene: SceneName,
  props: SceneProps,
  onFailure: (reason: string) => void,
): void {
  const { stage, box } = elements
  const layer = canvasLayer()
  const canvas = document.createElement('canvas')
  layer.append(canvas)
  box.append(layer)
  const offscreen = canvas.transferControlToOffscreen()
  const worker = new Worker(new URL('../worker/scene-worker.ts', import.meta.url), {
    type: 'module',
    name: `3D ${scene}`,
  })
  const post = (message: PageMessage, transfer: Transferable[] = []) => worker.postMessage(message, transfer)
  post({ type: 'init', canvas: offscreen, scene, props, ...sizeOf(box) }, [offscreen])

  const stopInput = forwardInput(box, hasControls(scene), (event) => post({ type: 'input', event }))
  const stopWatching = watchStage(stage, (signals) => post({ type: 'signals', signals }))
  const resizes = new ResizeObserver(() => post({ type: 'resize', ...sizeOf(box) }))
  resizes.observe(box)

  let drawn = false
  const fail = (reason: string) => {
    worker.terminate()
    stopInput()
    stopWatching()
    resizes.disconnect()
    layer.remove()
    onFailure(reason)
  }
  worker.addEventListener('error', (event) => {
    if (drawn) return
    // Said once on the console, for whoever looks: the page then draws the scene itself.
    console.warn(`3D: the scene's worker stopped (${event.message || 'its script did not load'})`)
    event.preventDefault()
    fail('worker')
  })
  worker.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
    const message = event.data
    switch (message.type) {
      case 'state':
        if (message.state === 'ready') drawn = true
        stage.dataset.islandState = message.state
        break
      case 'off':
        stage.dataset.islandState = 'off'
        stage.dataset.islandOff = message.reason
        break
      case 'navigate':
        // Only a path on this site: a worker's message never sends the visitor elsewhere.
        if (/^\/(?!\/)/.test(message.href)) location.assign(message.href)
        break
      case 'cursor':
        box.style.cursor = message.cursor
        break
      case 'failed':
        fail(message.reason)
        break
    }
  })
}
