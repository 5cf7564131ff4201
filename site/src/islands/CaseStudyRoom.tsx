import type { IslandModel } from '../lib/models.ts'
import { Controls } from './Controls.tsx'
import { LodModel } from './LodModel.tsx'
import { Stage, useIntent } from './Stage.tsx'
import { viewDistance } from './view.ts'

function Room({ model }: { model: IslandModel }) {
  const intent = useIntent()
  return (
    <>
      <LodModel model={model} intent={intent} />
      <Controls min={model.radius * 1.2} max={viewDistance(model) * 3} />
    </>
  )
}

/** A case study's model: orbit it with the pointer, zoom in for the detailed levels. */
export default function CaseStudyRoom({ model }: { model: IslandModel }) {
  const distance = viewDistance(model)
  return (
    <Stage background={model.background} camera={{ position: [0, distance * 0.3, distance] }}>
      <Room model={model} />
    </Stage>
  )
}
