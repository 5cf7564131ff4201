import { useEffect, useState } from 'react'
import { manifestModel, viewerManifestPath } from '../lib/manifest-model.ts'
import type { IslandModel } from '../lib/models.ts'
import CaseStudyRoom from './CaseStudyRoom.tsx'

/** Marks the stage off (the poster behind stays), with the reason for styles and tests. */
function off(reason: string) {
  const stage = document.querySelector<HTMLElement>('[data-island]')
  if (!stage) return
  stage.dataset.islandState = 'off'
  stage.dataset.islandOff = reason
}

/**
 * A dashboard deliverable's model: the manifest named by the page's `?manifest=` (see
 * viewerManifestPath), read with the visitor's session, then the case study room's orbit view. Any
 * failure leaves the stage off, so the dashboard's poster shows through and nothing is broken.
 */
export default function DeliverableViewer() {
  const [model, setModel] = useState<IslandModel | null>(null)
  useEffect(() => {
    const path = viewerManifestPath(location.search)
    if (!path) return off('no-manifest')
    const url = new URL(path, location.origin).href
    let cancelled = false
    fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`manifest answered ${response.status}`)
        return response.json()
      })
      .then((manifest) => {
        if (!cancelled) setModel(manifestModel(manifest, url))
      })
      .catch(() => {
        if (!cancelled) off('manifest')
      })
    return () => {
      cancelled = true
    }
  }, [])
  return model ? <CaseStudyRoom model={model} /> : null
}
