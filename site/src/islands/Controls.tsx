import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { MathUtils, Spherical, Vector3 } from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import { useHost } from './host.ts'
import { ORBIT_KEYS } from './orbit-keys.ts'

const offset = new Vector3()
const spherical = new Spherical()

/**
 * Drag to orbit, wheel or pinch to zoom between `min` and `max`; with the stage focused, the arrow
 * keys turn the model and + and − zoom. Each change draws one frame. The controls listen to the
 * host's input: the stage itself on the main thread, its stand-in in a worker.
 */
export function Controls({ min, max }: { min: number; max: number }) {
  const host = useHost()
  const camera = useThree((state) => state.camera)
  const invalidate = useThree((state) => state.invalidate)
  useEffect(() => {
    const controls = new OrbitControls(camera, host.input)
    controls.enablePan = false
    controls.minDistance = min
    controls.maxDistance = max
    const redraw = () => invalidate()
    const onKey = (event: KeyboardEvent) => {
      const step = ORBIT_KEYS[event.key]
      if (!step) return
      event.preventDefault()
      spherical.setFromVector3(offset.copy(camera.position).sub(controls.target))
      spherical.theta += step.turn ?? 0
      spherical.phi = MathUtils.clamp(spherical.phi + (step.tilt ?? 0), 0.05, Math.PI - 0.05)
      spherical.radius = MathUtils.clamp(spherical.radius * (step.zoom ?? 1), min, max)
      camera.position.copy(controls.target).add(offset.setFromSpherical(spherical))
      controls.update()
    }
    controls.addEventListener('change', redraw)
    host.input.addEventListener('keydown', onKey)
    return () => {
      host.input.removeEventListener('keydown', onKey)
      controls.removeEventListener('change', redraw)
      controls.dispose()
    }
  }, [camera, host, invalidate, min, max])
  return null
}
