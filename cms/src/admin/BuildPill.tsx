import type { BuildStatus } from '../collections/SiteBuilds/index.ts'

/** A build's state as a coloured label ("Queued", "Building", "Live", "Failed"; custom.scss). */
export function BuildPill({ status }: { status: BuildStatus }) {
  return (
    <span className="kairo-build-pill" data-status={status}>
      {status[0]?.toUpperCase()}
      {status.slice(1)}
    </span>
  )
}
