import { createRoot, extend, events as pointerEvents, useThree } from '@react-three/fiber'
import { useEffect, useSyncExternalStore } from 'react'
import { HostContext, SignalsContext, type StageHost } from '../host.ts'
import { CAMERA, Scene } from '../Scene.tsx'
import type { SceneName, SceneProps } from '../scene-props.ts'
import { THREE_ELEMENTS } from '../three-elements.ts'
import type { PageMessage, WorkerMessage } from './messages.ts'
import { type PageState, pageState } from './page-state.ts'
import { ProxyElement } from './proxy-element.ts'

// A 3D island's worker: React Three Fiber, three.js, the loaders and the model, drawing into the
// canvas the page handed over (page/worker-bridge.ts). Nothing here runs on the thread the visitor
// scrolls and taps on. The page sends `init` once, then the stage's signals, size and input.

// The worker's global scope, as far as this file uses it (the site's types are the DOM's).
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void
  /** The canvas, for the browser's developer tools and the browser tests (they lose its context). */
  islandCanvas?: OffscreenCanvas
}

// The scenes' JSX names three's classes (`<mesh>`, `<hemisphereLight>`); a root made with createRoot
// must register them (R3F's <Canvas> registers all of three itself).
extend(THREE_ELEMENTS)

const send = (message: WorkerMessage) => scope.postMessage(message)

function WorkerStage(props: {
  scene: SceneName
  props: SceneProps
  host: StageHost
  proxy: ProxyElement
  state: PageState
}) {
  const { host, proxy, state } = props
  const signals = useSyncExternalStore(state.subscribe, state.signals)
  const size = useSyncExternalStore(state.subscribe, state.size)
  const get = useThree((three) => three.get)
  const setSize = useThree((three) => three.setSize)
  const setDpr = useThree((three) => three.setDpr)
  const setFrameloop = useThree((three) => three.setFrameloop)
  // Connecting changes the store's `events` (it records the target), so read them, not subscribe.
  useEffect(() => {
    get().events.connect?.(proxy)
    return () => get().events.disconnect?.()
  }, [get, proxy])
  useEffect(() => {
    proxy.resize(size.width, size.height)
    setSize(size.width, size.height)
    setDpr(size.dpr)
  }, [proxy, size, setSize, setDpr])
  useEffect(() => setFrameloop(signals.visible ? 'demand' : 'never'), [signals.visible, setFrameloop])
  return (
    <HostContext.Provider value={host}>
      <SignalsContext.Provider value={signals}>
        <Scene scene={props.scene} props={props.props} />
      </SignalsContext.Provider>
    </HostContext.Provider>
  )
}

let stage: { proxy: ProxyElement; state: PageState } | undefined

async function start(message: Extract<PageMessage, { type: 'init' }>) {
  const { canvas, scene, width, height, dpr } = message
  scope.islandCanvas = canvas
  const proxy = new ProxyElement(width, height, (cursor) => send({ type: 'cursor', cursor }))
  const state = pageState({ width, height, dpr })
  stage = { proxy, state }
  const host: StageHost = {
    // OrbitControls and the idle motion take an element; the stand-in has what they use of one.
    input: proxy as unknown as HTMLElement,
    setState: (value) => send({ type: 'state', state: value }),
    turnOff: (reason) => send({ type: 'off', reason }),
    navigate: (href) => send({ type: 'navigate', href }),
    setCursor: (cursor) => send({ type: 'cursor', cursor }),
  }
  const root = createRoot(canvas)
  try {
    await root.configure({
      gl: { antialias: true, powerPreference: 'low-power' },
      camera: CAMERA,
      dpr,
      size: { width, height, top: 0, left: 0 },
      frameloop: 'demand',
      events: pointerEvents,
    })
  } catch {
    // three could not get a WebGL context from this canvas.
    return send({ type: 'failed', reason: 'no-webgl' })
  }
  root.render(<WorkerStage scene={scene} props={message.props} host={host} proxy={proxy} state={state} />)
}

scope.addEventListener('message', (event) => {
  const message = event.data
  if (message.type === 'init') void start(message)
  else if (message.type === 'signals') stage?.state.setSignals(message.signals)
  else if (message.type === 'resize') stage?.state.setSize(message)
  else if (message.type === 'input') stage?.proxy.forward(message.event)
})
