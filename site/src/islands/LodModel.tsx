import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { LOD, Vector3 } from 'three'
import type { IslandModel } from '../lib/models.ts'
import { loaderFor } from './decoders.ts'
import { disposeObject } from './dispose.ts'
import { useHost } from './host.ts'

interface LodModelProps {
  model: IslandModel
  /** World units per model unit (the model is centred on its bounds). */
  scale?: number
  /** The visitor points at or focuses the model: fetch the next finer level ahead of need. */
  intent?: boolean
}

const here = new Vector3()

/** The level the camera's distance asks for: the finest whose switch distance it has passed. */
export function levelForDistance(model: IslandModel, distance: number, scale = 1): number {
  let level = 0
  for (const [i, lod] of model.lods.entries()) if (distance >= lod.switchDistance * scale) level = i
  return level
}

/**
 * A model as three's `LOD`: the smallest level is fetched first; a finer one when the camera comes
 * close enough to need it (proximity, checked on each rendered frame) or on the visitor's intent.
 * Levels join the `LOD` as they arrive, which switches between them by distance. Everything is
 * disposed on unmount.
 */
export function LodModel({ model, scale = 1, intent = false }: LodModelProps) {
  const host = useHost()
  const gl = useThree((state) => state.gl)
  const invalidate = useThree((state) => state.invalidate)
  const lod = useMemo(() => new LOD(), [])
  const state = useRef({ requested: new Set<number>(), shown: false, disposed: false })

  const request = (level: number) => {
    const s = state.current
    const entry = model.lods[level]
    if (!entry || s.requested.has(level) || s.disposed) return
    s.requested.add(level)
    loaderFor(entry, gl)
      .then((loader) => loader.loadAsync(entry.src))
      .then(({ scene }) => {
        if (state.current.disposed) return disposeObject(scene)
        scene.position.set(-model.center[0], -model.center[1], -model.center[2])
        scene.scale.setScalar(1)
        lod.addLevel(scene, entry.switchDistance * scale)
        invalidate()
      })
      .catch((error: unknown) => {
        // A level that fails leaves the others (and the poster under the canvas) in place.
        console.warn(`3D: could not load ${entry.src}: ${error instanceof Error ? error.message : error}`)
      })
  }

  useEffect(() => {
    state.current.disposed = false
    request(model.lods.length - 1)
    return () => {
      state.current.disposed = true
      for (const level of lod.levels) disposeObject(level.object)
      lod.clear()
    }
  }, [model])

  useEffect(() => {
    if (!intent) return
    const finest = Math.min(...state.current.requested)
    request(finest - 1)
  }, [intent])

  // Frames are rendered on demand, so this runs only when something moved.
  useFrame(({ camera }) => {
    request(levelForDistance(model, camera.position.distanceTo(lod.getWorldPosition(here)), scale))
    if (!state.current.shown && lod.levels.length > 0) {
      state.current.shown = true
      // After this frame is drawn, the canvas may cover the poster.
      requestAnimationFrame(() => host.setState('ready'))
    }
  })

  return <primitive object={lod} scale={scale} />
}
