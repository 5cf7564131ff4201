import { Canvas } from '@react-three/fiber'
import { useEffect, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { HostContext, INITIAL_SIGNALS, SignalsContext, type StageHost } from '../host.ts'
import { CAMERA, MAX_DPR, preloadScene, Scene } from '../Scene.tsx'
import type { SceneName, SceneProps } from '../scene-props.ts'
import { CONTEXT_ATTRIBUTES } from '../webgl-context.ts'
import { canvasLayer, type StageElements } from './stage-elements.ts'
import { watchStage } from './watch-stage.ts'

/** The page itself as a scene's host: the box takes the input, the stage shows the state. */
function pageHost({ stage, box }: StageElements): StageHost {
  return {
    input: box,
    setState: (state) => {
      stage.dataset.islandState = state
    },
    turnOff: (reason) => {
      stage.dataset.islandState = 'off'
      stage.dataset.islandOff = reason
    },
    navigate: (href) => location.assign(href),
    setCursor: (cursor) => {
      box.style.cursor = cursor
    },
  }
}

function MainThreadStage({
  elements,
  scene,
  props,
}: {
  elements: StageElements
  scene: SceneName
  props: SceneProps
}) {
  const [signals, setSignals] = useState(INITIAL_SIGNALS)
  const host = useMemo(() => pageHost(elements), [elements])
  useEffect(() => watchStage(elements.stage, setSignals), [elements])
  return (
    <Canvas
      frameloop={signals.visible ? 'demand' : 'never'}
      dpr={[1, MAX_DPR]}
      camera={CAMERA}
      gl={CONTEXT_ATTRIBUTES}
    >
      <HostContext.Provider value={host}>
        <SignalsContext.Provider value={signals}>
          <Scene scene={scene} props={props} />
        </SignalsContext.Provider>
      </HostContext.Provider>
    </Canvas>
  )
}

/**
 * The scene on the page's own thread, for browsers that cannot draw WebGL from a worker: React DOM
 * renders R3F's canvas over the poster. The boot script loads this only then, and only after the
 * visitor's first interaction (page/boot.ts).
 */
export function startOnMainThread(elements: StageElements, scene: SceneName, props: SceneProps): void {
  preloadScene(scene)
  const layer = canvasLayer()
  elements.box.append(layer)
  createRoot(layer).render(<MainThreadStage elements={elements} scene={scene} props={props} />)
}
