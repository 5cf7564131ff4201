import { useRef } from 'react'
import type { Group } from 'three'
import type { IslandModel } from '../lib/models.ts'
import { Controls } from './Controls.tsx'
import { useIntent } from './host.ts'
import { LodModel } from './LodModel.tsx'
import { Framing } from './Scene.tsx'
import { useIdleMotion } from './spin.ts'
import { viewDistance } from './view.ts'

function Planet({ model }: { model: IslandModel }) {
  const intent = useIntent()
  const group = useRef<Group>(null)
  useIdleMotion((delta) => {
    if (group.current) group.current.rotation.y += delta * 0.35
  })
  return (
    <group ref={group} rotation={[0.2, 0, 0.12]}>
      <LodModel model={model} intent={intent} />
    </group>
  )
}

/** A service's planet, turning slowly while the visitor is around; drag to turn it by hand. */
export default function ServicePlanet({ model }: { model: IslandModel }) {
  const distance = viewDistance(model)
  return (
    <>
      <Framing position={[0, distance * 0.15, distance]} background={model.background} />
      <Planet model={model} />
      <Controls min={model.radius * 1.2} max={distance * 3} />
    </>
  )
}
