'use client'

import { useFieldPath } from '@payloadcms/ui'

import { usePrepublishWarnings, warningsAt } from './prepublish-warnings.ts'

/**
 * A field's pre-publish warnings, right under its input (`admin.components.afterInput`, added by
 * src/prepublish/with-warnings.ts): an image whose alt text says nothing, a skipped heading level, a
 * link that says "click here", a 3D model over its budget. Warnings, not errors: publishing stays open.
 */
export function FieldWarnings({ path: given }: { path?: string }) {
  const fromContext = useFieldPath()
  const path = given ?? fromContext ?? ''
  const warnings = warningsAt(usePrepublishWarnings(), path)
  if (warnings.length === 0) return null
  return (
    <ul className="kairo-field-warnings" aria-label="Before you publish">
      {warnings.map((warning) => (
        <li key={`${warning.path}:${warning.message}`}>{warning.message}</li>
      ))}
    </ul>
  )
}
