import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'

/** Drag to orbit, wheel or pinch to zoom between `min` and `max`; each change draws one frame. */
export function Controls({ min, max }: { min: number; max: number }) {
  const camera = useThree((state) => state.camera)
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  useEffect(() => {
    const controls = new OrbitControls(camera, gl.domElement)
    controls.enablePan = false
    controls.minDistance = min
    controls.maxDistance = max
    const redraw = () => invalidate()
    controls.addEventListener('change', redraw)
    return () => {
      controls.removeEventListener('change', redraw)
      controls.dispose()
    }
  }, [camera, gl, invalidate, min, max])
  return null
}
