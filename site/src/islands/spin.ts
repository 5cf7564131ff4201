import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import { useHost, useSignals } from './host.ts'

/** The idle motion's frame interval: at most 30 frames a second. */
const MOTION_FRAME_MS = 1000 / 30

/**
 * Motion that stops when the visitor is idle: `step(delta)` runs on each frame for `seconds` after the
 * island starts, after each pointer move over it and whenever the visitor's focus moves within it (a
 * planet's link lit); afterwards no frame is drawn at all (the canvas renders on demand) until
 * something moves again.
 *
 * Five seconds: the scene starts without the visitor asking, and motion that starts by itself must
 * stop within five seconds unless there is a way to pause it (WCAG 2.2.2).
 *
 * While the visitor scrolls, taps or types elsewhere on the page (`busy`), the motion holds still and
 * draws nothing, and takes up again once they stop. A frame is drawn by the GPU process, in software
 * on many phones and on machines without a GPU, on the same cores as the page: a tap that arrives
 * while frames of motion are being drawn waits for them (bench:island-interaction).
 */
export function useIdleMotion(step: (delta: number) => void, seconds = 5) {
  const until = useRef(0)
  const host = useHost()
  const { intent, highlighted, busy } = useSignals()
  const invalidate = useThree((state) => state.invalidate)
  const kick = useRef(() => {})
  kick.current = () => {
    const wasIdle = performance.now() >= until.current
    until.current = performance.now() + seconds * 1000
    if (wasIdle) invalidate()
  }
  useEffect(() => {
    const onMove = () => kick.current()
    host.input.addEventListener('pointermove', onMove)
    return () => host.input.removeEventListener('pointermove', onMove)
  }, [host])
  // A change of either is the visitor moving.
  useEffect(() => kick.current(), [intent, highlighted])
  // Back from a pause: the motion goes on where it stopped, if its time is not up.
  useEffect(() => {
    if (!busy && performance.now() < until.current) invalidate()
  }, [busy, invalidate])
  useFrame((_, delta) => {
    if (busy || performance.now() >= until.current) return
    step(Math.min(delta, 0.1))
    // Slow motion reads as smooth at 30 frames a second, and every frame costs the GPU (drawn in
    // software, the very CPU the page needs for the visitor's taps): the next one waits a little.
    setTimeout(invalidate, MOTION_FRAME_MS)
  })
}
