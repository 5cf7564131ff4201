'use client'

import { usePrepublishWarnings } from './prepublish-warnings.ts'

/** The field a warning's path names, as the form's element id (`layout.2.image` → `field-layout`). */
const fieldAnchor = (path: string) => `#field-${path.split('.')[0]}`

/**
 * Every pre-publish warning of the document, in the sidebar above Publish: how many, and each with
 * a link to its field (where the same warning shows under the input). A page-wide one (its weight)
 * shows only here.
 */
export function PrepublishSummary() {
  const warnings = usePrepublishWarnings()
  return (
    <section className="kairo-prepublish" aria-labelledby="kairo-prepublish-heading">
      <h3 id="kairo-prepublish-heading">Before you publish</h3>
      <div role="status" aria-live="polite">
        {warnings.length === 0 ? (
          <p>No problems found: alt text, headings, links and weight are fine.</p>
        ) : (
          <>
            <p>
              {warnings.length} {warnings.length === 1 ? 'thing' : 'things'} to look at (you can still
              publish):
            </p>
            <ul>
              {warnings.map((warning) => (
                <li key={`${warning.path}:${warning.message}`}>
                  {warning.path ? <a href={fieldAnchor(warning.path)}>{warning.message}</a> : warning.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  )
}
