import { createRoot, extend, events as pointerEvents, useThree } from '@react-three/fiber'
import { useEffect, useSyncExternalStore } from 'react'
import { WebGLRenderer } from 'three'
import { HostContext, SignalsContext, type StageHost } from '../host.ts'
import { CAMERA, preloadScene, Scene } from '../Scene.tsx'
import type { SceneName, SceneProps } from '../scene-props.ts'
import * as THREE_ELEMENTS from '../three-elements.ts'
import { CONTEXT_ATTRIBUTES } from '../webgl-context.ts'
import type { PageMessage, WorkerMessage } from './messages.ts'
import { type PageState, pageState } from './page-state.ts'
import { ProxyElement } from './proxy-element.ts'

// A 3D island's scene in its worker: React Three Fiber, three.js, the loaders and the model, drawing
// into the canvas the page handed over (page/worker-bridge.ts). Nothing here runs on the thread the
// visitor scrolls and taps on. The worker's entry (scene-worker.ts) loads this once it knows WebGL
// works here; the page sends `init` once, then the stage's signals, size and input.

// The scenes' JSX names three's classes (`<mesh>`, `<hemisphereLight>`); a root made with createRoot
// must register them (R3F's <Canvas> registers all of three itself).
extend(THREE_ELEMENTS)

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

type Init = Extract<PageMessage, { type: 'init' }>

/**
 * Starts the scene on the canvas of `init`, drawing with `context` (made on that canvas by the
 * worker's entry), telling the page through `send`; returns what handles
 * the page's later messages (signals, size, input).
 */
export async function startScene(
  init: Init,
  context: WebGL2RenderingContext,
  send: (message: WorkerMessage) => void,
): Promise<(message: PageMessage) => void> {
  const { canvas, scene, width, height, dpr } = init
  preloadScene(scene)
  const proxy = new ProxyElement(width, height, (cursor) => send({ type: 'cursor', cursor }))
  const state = pageState({ width, height, dpr })
  const host: StageHost = {
    // OrbitControls and the idle motion take an element; the stand-in has what they use of one.
    input: proxy as unknown as HTMLElement,
    setState: (value) => send({ type: 'state', state: value }),
    turnOff: (reason) => send({ type: 'off', reason }),
    navigate: (href) => send({ type: 'navigate', href }),
    setCursor: (cursor) => send({ type: 'cursor', cursor }),
  }
  const root = createRoot(canvas)
  await root.configure({
    gl: (defaults) => new WebGLRenderer({ ...defaults, ...CONTEXT_ATTRIBUTES, context }),
    camera: CAMERA,
    dpr,
    size: { width, height, top: 0, left: 0 },
    frameloop: 'demand',
    events: pointerEvents,
  })
  root.render(<WorkerStage scene={scene} props={init.props} host={host} proxy={proxy} state={state} />)
  return (message) => {
    if (message.type === 'signals') state.setSignals(message.signals)
    else if (message.type === 'resize') state.setSize(message)
    else if (message.type === 'input') proxy.forward(message.event)
  }
}
