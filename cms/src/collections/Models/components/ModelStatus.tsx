'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Status = 'queued' | 'processing' | 'ready' | 'failed'
interface PosterImage {
  type: string
  width: number
  height: number
  url: string
}
interface Shown {
  status?: Status
  error?: string | null
  manifest?: { poster?: { width: number; height: number; images: PosterImage[] } | null } | null
}

const WORDS: Record<Status, string> = {
  queued: 'Queued: processing starts in a moment.',
  processing: 'Processing: checking the model and building its levels of detail and poster…',
  ready: 'Ready: the site shows this model.',
  failed: 'Failed: the site does not show this model. Upload a corrected file to try again.',
}

/**
 * The model's processing status and poster, in the edit view. While the model is queued or being
 * processed it asks the API again every two seconds, so the editor sees the outcome without reloading.
 */
export function ModelStatus() {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value) as Status | undefined
  const error = useFormFields(([fields]) => fields.error?.value) as string | null | undefined
  const manifest = useFormFields(([fields]) => fields.manifest?.value) as Shown['manifest']
  const [fresh, setFresh] = useState<Shown | null>(null)
  const shown: Shown = fresh ?? { status, error, manifest }
  const pending = shown.status === 'queued' || shown.status === 'processing'

  useEffect(() => {
    if (!id || !pending) return
    const timer = setInterval(async () => {
      const response = await fetch(`/api/models/${id}?depth=0`, { credentials: 'include' }).catch(() => null)
      if (response?.ok) setFresh((await response.json()) as Shown)
    }, 2000)
    return () => clearInterval(timer)
  }, [id, pending])

  if (!id) return null
  // A queued, processing or failed model may still hold the previous version's manifest: its poster is not this file's.
  const poster = shown.status === 'ready' ? shown.manifest?.poster : null
  const image = poster?.images.find((i) => i.type === 'image/webp' && i.width <= 600) ?? poster?.images[0]
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <p role="status" aria-live="polite">
        <strong>{shown.status ? WORDS[shown.status] : ''}</strong>
      </p>
      {shown.status === 'failed' && shown.error ? (
        <p style={{ color: 'var(--theme-error-500)' }}>{shown.error}</p>
      ) : null}
      {image ? (
        // biome-ignore lint/performance/noImgElement: a poster file from the API, already sized; Next's image optimiser is not used
        <img
          src={image.url}
          alt="Poster of the processed model"
          width={image.width}
          height={Math.round((image.width * (poster?.height ?? 3)) / (poster?.width ?? 4))}
          style={{ maxWidth: '100%', height: 'auto', borderRadius: 4 }}
        />
      ) : null}
    </div>
  )
}
