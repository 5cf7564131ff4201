import { useEffect, useState } from 'react'
import { manifestModel } from '../lib/manifest-model.ts'
import type { IslandModel } from '../lib/models.ts'
import CaseStudyRoom from './CaseStudyRoom.tsx'
import { useHost } from './host.ts'

/**
 * A dashboard deliverable's model: its manifest (the boot script resolved the page's `?manifest=`
 * to a URL on this origin), read with the visitor's session, then the case study room's orbit view.
 * Any failure turns the stage off, so the dashboard's poster shows through and nothing is broken.
 */
export default function DeliverableViewer({ manifest }: { manifest: string }) {
  const host = useHost()
  const [model, setModel] = useState<IslandModel | null>(null)
  useEffect(() => {
    let cancelled = false
    fetch(manifest, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`manifest answered ${response.status}`)
        return response.json()
      })
      .then((json) => {
        if (!cancelled) setModel(manifestModel(json, manifest))
      })
      .catch(() => {
        if (!cancelled) host.turnOff('manifest')
      })
    return () => {
      cancelled = true
    }
  }, [manifest, host])
  return model ? <CaseStudyRoom model={model} /> : null
}
