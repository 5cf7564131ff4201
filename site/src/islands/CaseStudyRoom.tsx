import type { IslandModel } from '../lib/models.ts'
import { Controls } from './Controls.tsx'
import { useIntent } from './host.ts'
import { LodModel } from './LodModel.tsx'
import { Framing } from './Scene.tsx'
import { viewDistance } from './view.ts'

/** A case study's model: orbit it with the pointer or the keys, zoom in for the detailed levels. */
export default function CaseStudyRoom({ model }: { model: IslandModel }) {
  const intent = useIntent()
  const distance = viewDistance(model)
  return (
    <>
      <Framing position={[0, distance * 0.3, distance]} background={model.background} />
      <LodModel model={model} intent={intent} />
      <Controls min={model.radius * 1.2} max={distance * 3} />
    </>
  )
}
