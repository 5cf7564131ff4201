import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'

/**
 * Motion that stops when the visitor is idle: `step(delta)` runs on each frame for `seconds` after the
 * island starts and after each pointer move over it; afterwards no frame is drawn at all (the canvas
 * renders on demand) until something moves again.
 */
export function useIdleMotion(step: (delta: number) => void, seconds = 8) {
  const until = useRef(0)
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  useEffect(() => {
    const kick = () => {
      const wasIdle = performance.now() >= until.current
      until.current = performance.now() + seconds * 1000
      if (wasIdle) invalidate()
    }
    kick()
    const stage = gl.domElement.closest('[data-island]') ?? gl.domElement
    stage.addEventListener('pointermove', kick)
    stage.addEventListener('focusin', kick)
    return () => {
      stage.removeEventListener('pointermove', kick)
      stage.removeEventListener('focusin', kick)
    }
  }, [gl, invalidate, seconds])
  useFrame((_, delta) => {
    if (performance.now() >= until.current) return
    step(Math.min(delta, 0.1))
    invalidate()
  })
}
