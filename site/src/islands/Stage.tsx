import { Canvas, useThree } from '@react-three/fiber'
import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react'

/** Whether the visitor points at or focuses the island's stage (fetch finer levels ahead). */
const IntentContext = createContext(false)
export const useIntent = () => useContext(IntentContext)

interface StageProps {
  background: string
  camera: { position: [number, number, number]; fov?: number; near?: number; far?: number }
  children: ReactNode
}

const MAX_DPR = 1.5

/** Sets the stage's `data-island-state` (styles fade the canvas in over the poster; tests read it). */
function setState(root: HTMLElement | null, value: 'ready' | 'lost') {
  const stage = root?.closest<HTMLElement>('[data-island]')
  if (stage) stage.dataset.islandState = value
}

/** Redraws when the canvas comes back on screen or its WebGL context is restored. */
function Upkeep({ visible, root }: { visible: boolean; root: HTMLElement | null }) {
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  useEffect(() => {
    if (visible) invalidate()
  }, [visible, invalidate])
  useEffect(() => {
    const canvas = gl.domElement
    // three's renderer keeps the context restorable (it calls preventDefault on loss) and re-uploads
    // every resource after a restore; the page only has to hide the dead canvas and redraw.
    const lost = () => setState(root, 'lost')
    const restored = () => {
      invalidate()
      requestAnimationFrame(() => setState(root, 'ready'))
    }
    canvas.addEventListener('webglcontextlost', lost)
    canvas.addEventListener('webglcontextrestored', restored)
    return () => {
      canvas.removeEventListener('webglcontextlost', lost)
      canvas.removeEventListener('webglcontextrestored', restored)
    }
  }, [gl, invalidate, root])
  return null
}

/**
 * The canvas every island draws in, laid over the poster in the same box (so nothing shifts):
 * rendered only on demand, never offscreen (frameloop `never` while the stage is out of view), at a
 * pixel ratio of at most 1.5. Nothing renders on the server: the HTML already has the poster.
 */
export function Stage({ background, camera, children }: StageProps) {
  const root = useRef<HTMLDivElement>(null)
  const [client, setClient] = useState(false)
  const [visible, setVisible] = useState(true)
  const [intent, setIntent] = useState(false)

  useEffect(() => setClient(true), [])
  useEffect(() => {
    const element = root.current
    const stage = element?.closest<HTMLElement>('[data-island]')
    if (!element || !stage) return
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)))
    observer.observe(element)
    const on = () => setIntent(true)
    stage.addEventListener('pointerenter', on)
    stage.addEventListener('focusin', on)
    stage.addEventListener('touchstart', on, { passive: true })
    // The gate started the island because of an interaction already in progress.
    if (stage.matches(':hover, :focus-within')) setIntent(true)
    return () => {
      observer.disconnect()
      stage.removeEventListener('pointerenter', on)
      stage.removeEventListener('focusin', on)
      stage.removeEventListener('touchstart', on)
    }
  }, [])

  return (
    <div ref={root} className="island__canvas" aria-hidden="true">
      {client && (
        <Canvas
          frameloop={visible ? 'demand' : 'never'}
          dpr={[1, MAX_DPR]}
          camera={{ fov: 40, near: 0.05, far: 500, ...camera }}
          gl={{ antialias: true, powerPreference: 'low-power' }}
        >
          <color attach="background" args={[background]} />
          <hemisphereLight args={['#ffffff', '#30343f', 2]} />
          <directionalLight position={[3, 5, 4]} intensity={2.2} />
          <IntentContext.Provider value={intent}>{children}</IntentContext.Provider>
          <Upkeep visible={visible} root={root.current} />
        </Canvas>
      )}
    </div>
  )
}

/** Marks the stage ready (the canvas fades in over the poster) once a model's first frame is drawn. */
export function markReady(canvas: HTMLElement) {
  setState(canvas, 'ready')
}
