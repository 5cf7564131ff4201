'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { PrepublishWarning } from '../prepublish/check-document.ts'

// One request per saved version, shared by every field's warnings and the sidebar's summary.
const answers = new Map<string, Promise<PrepublishWarning[]>>()

function fetchWarnings(
  collection: string,
  id: string | number,
  version: number,
): Promise<PrepublishWarning[]> {
  const key = `${collection}/${id}/${version}`
  let answer = answers.get(key)
  if (!answer) {
    answer = fetch(`/api/prepublish/${encodeURIComponent(collection)}/${encodeURIComponent(String(id))}`, {
      credentials: 'include',
      cache: 'no-store',
    })
      .then(async (response) =>
        response.ok ? ((await response.json()) as { warnings: PrepublishWarning[] }).warnings : [],
      )
      .catch(() => [])
    // Only the latest version's answer is worth keeping.
    answers.clear()
    answers.set(key, answer)
  }
  return answer
}

/**
 * The pre-publish warnings of the document open in the edit view (`GET /api/prepublish/...`),
 * asked again after each save: the admin autosaves the draft while the editor types, so the
 * warnings follow the form within a couple of seconds.
 */
export function usePrepublishWarnings(): PrepublishWarning[] {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const [warnings, setWarnings] = useState<PrepublishWarning[]>([])
  useEffect(() => {
    if (!id || !collectionSlug) return
    let current = true
    void fetchWarnings(collectionSlug, id, lastUpdateTime).then((found) => {
      if (current) setWarnings(found)
    })
    return () => {
      current = false
    }
  }, [id, collectionSlug, lastUpdateTime])
  return warnings
}

/** The warnings of one field and everything inside it (`layout` holds `layout.2.image`). */
export function warningsAt(warnings: PrepublishWarning[], path: string): PrepublishWarning[] {
  return warnings.filter((warning) => warning.path === path || warning.path.startsWith(`${path}.`))
}
