import { useThree } from '@react-three/fiber'
import { type ComponentType, lazy, Suspense, useEffect, useLayoutEffect } from 'react'
import { useHost, useSignals } from './host.ts'
import type { SceneName, SceneProps } from './scene-props.ts'

/**
 * Each island's content, loaded on its own: a page fetches only the scene it shows (the orbit's
 * code is not the case study's), which keeps every page's island within its JavaScript budget.
 */
// biome-ignore lint/suspicious/noExplicitAny: each scene takes its own props (ScenePropsByName)
const LOADERS: Record<SceneName, () => Promise<{ default: ComponentType<any> }>> = {
  room: () => import('./CaseStudyRoom.tsx'),
  planet: () => import('./ServicePlanet.tsx'),
  orbit: () => import('./HeroOrbit.tsx'),
  deliverable: () => import('./DeliverableViewer.tsx'),
}
const CONTENT = Object.fromEntries(
  Object.entries(LOADERS).map(([name, load]) => [name, lazy(load)]),
) as unknown as Record<SceneName, ComponentType<SceneProps>>

/** Starts fetching a scene's code early (alongside the renderer's setup); rendering it reuses the fetch. */
export const preloadScene = (scene: SceneName): void => void LOADERS[scene]().catch(() => {})

/** The camera every island starts with; each scene places it (Framing). */
export const CAMERA = { fov: 40, near: 0.05, far: 500, position: [0, 0, 10] as [number, number, number] }
/** Pixels per CSS pixel, at most: a phone's 3× screen would cost 4× the fill rate for little. */
export const MAX_DPR = 1.5

/** Where a scene's camera starts, looking at the origin, and the colour behind the model. */
export function Framing({
  position,
  background,
}: {
  position: [number, number, number]
  background: string
}) {
  const camera = useThree((state) => state.camera)
  const invalidate = useThree((state) => state.invalidate)
  useLayoutEffect(() => {
    camera.position.set(...position)
    camera.lookAt(0, 0, 0)
    invalidate()
  }, [camera, invalidate, position[0], position[1], position[2]])
  return <color attach="background" args={[background]} />
}

/** Redraws when the stage comes back on screen; follows the WebGL context's loss and restoration. */
function Upkeep() {
  const host = useHost()
  const { visible } = useSignals()
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  useEffect(() => {
    if (visible) invalidate()
  }, [visible, invalidate])
  useEffect(() => {
    // three's renderer keeps the context restorable (it calls preventDefault on loss) and re-uploads
    // every resource after a restore; the stage only has to hide the dead canvas and redraw. The
    // canvas is an HTMLCanvasElement or, in a worker, an OffscreenCanvas: both send these events.
    const canvas = gl.domElement as EventTarget
    const lost = () => host.setState('lost')
    const restored = () => {
      invalidate()
      requestAnimationFrame(() => host.setState('ready'))
    }
    canvas.addEventListener('webglcontextlost', lost)
    canvas.addEventListener('webglcontextrestored', restored)
    return () => {
      canvas.removeEventListener('webglcontextlost', lost)
      canvas.removeEventListener('webglcontextrestored', restored)
    }
  }, [gl, host, invalidate])
  return null
}

function Content({ scene, props }: { scene: SceneName; props: SceneProps }) {
  const Component = CONTENT[scene]
  return (
    <Suspense fallback={null}>
      <Component {...props} />
    </Suspense>
  )
}

/** An island's scene inside its canvas, wherever that canvas lives: the lights, the upkeep, the content. */
export function Scene({ scene, props }: { scene: SceneName; props: SceneProps }) {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#30343f', 2]} />
      <directionalLight position={[3, 5, 4]} intensity={2.2} />
      <Upkeep />
      <Content scene={scene} props={props} />
    </>
  )
}
