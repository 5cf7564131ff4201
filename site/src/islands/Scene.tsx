import { useThree } from '@react-three/fiber'
import { type ReactNode, useEffect, useLayoutEffect } from 'react'
import CaseStudyRoom from './CaseStudyRoom.tsx'
import DeliverableViewer from './DeliverableViewer.tsx'
import HeroOrbit from './HeroOrbit.tsx'
import { useHost, useSignals } from './host.ts'
import ServicePlanet from './ServicePlanet.tsx'
import type { SceneName, SceneProps } from './scene-props.ts'

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

function Content({ scene, props }: { scene: SceneName; props: SceneProps }): ReactNode {
  switch (scene) {
    case 'room':
      return <CaseStudyRoom {...(props as SceneProps<'room'>)} />
    case 'planet':
      return <ServicePlanet {...(props as SceneProps<'planet'>)} />
    case 'orbit':
      return <HeroOrbit {...(props as SceneProps<'orbit'>)} />
    case 'deliverable':
      return <DeliverableViewer {...(props as SceneProps<'deliverable'>)} />
  }
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
