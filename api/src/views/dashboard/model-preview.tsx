import type { ViewerStatus } from '@kairo/db'
import { VIEWER_POSTER } from '../../routes/internal/output-names.ts'

/** The parts of a version {@link ModelPreview} shows (the deliverable page's `VersionView` has them). */
export interface PreviewedVersion {
  /** 1 for the first upload. */
  number: number
  /** The download's file name, said in the link. */
  fileName: string
  viewerStatus: ViewerStatus
  /** The client's sentence when `failed` (`The model could not be prepared for viewing: …`). */
  viewerError: string | null
}

/** Props of {@link ModelPreview}: one version of a 3D deliverable. */
export interface ModelPreviewProps {
  projectId: string
  deliverableId: string
  /** The deliverable's title: the poster's alternative text. */
  title: string
  version: PreviewedVersion
  /** This version's download link (the file stays downloadable whatever the viewer's state). */
  downloadHref: string
  /** The response's CSP nonce: the one-line script that puts the 3D view in place needs it. */
  nonce?: string
}

/**
 * The site's 3D viewer (site/src/pages/viewer.astro) for a manifest: a page of this origin that the
 * dashboard frames over the poster, where the site's island draws the model with the site's loaders,
 * decoders, start conditions and CSP.
 */
export function viewerFrameHref(manifestHref: string): string {
  return `/viewer/?manifest=${encodeURIComponent(manifestHref)}`
}

// Puts the template's frame in place of the template, then removes itself: without JavaScript there
// is no frame at all (nothing to load, no empty Tab stop), only the poster and the download.
const PLACE_FRAME =
  '(function(s){var t=s.previousElementSibling;t.replaceWith(t.content.cloneNode(true));s.remove()})(document.currentScript)'

/** Where a version's viewer files are served (`routes/dashboard/viewer-files.tsx`), ending in `/`. */
export function viewerBaseHref(projectId: string, deliverableId: string, number: number): string {
  return `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions/${number}/viewer/`
}

/** "The model could not be prepared for viewing: X." → "X." (the status line says the first part). */
function reasonOf(viewerError: string | null): string {
  const reason = viewerError?.replace(/^The model could not be prepared for viewing:\s*/, '').trim()
  return reason || 'the pipeline gave no reason.'
}

/**
 * A 3D deliverable's version without JavaScript: while the pipeline works, a status line saying so
 * (reload to see the poster: no meta refresh, which would move a keyboard or screen reader user's
 * place); when ready, the poster as a `<picture>` (AVIF, then WebP, 1200 and 600 wide); when the
 * pipeline failed, why. The download link is there in every state. With JavaScript, the site's 3D
 * viewer is framed over the poster ({@link viewerFrameHref}); it is transparent until its first
 * frame, and starts as every island does (on the visitor's intent, or once they interact with it).
 */
export function ModelPreview({
  projectId,
  deliverableId,
  title,
  version,
  downloadHref,
  nonce,
}: ModelPreviewProps) {
  const base = viewerBaseHref(projectId, deliverableId, version.number)
  const srcset = (type: string) =>
    VIEWER_POSTER.widths.map((width) => `${base}poster-${width}.${type} ${width}w`).join(', ')
  const download = (
    <p>
      <a href={downloadHref} download>
        Download {version.fileName}
      </a>
    </p>
  )
  if (version.viewerStatus === 'ready') {
    return (
      <figure class="model-preview">
        <div class="model-preview__stage">
          <picture>
            <source type="image/avif" srcset={srcset('avif')} sizes="(min-width: 760px) 720px, 100vw" />
            <source type="image/webp" srcset={srcset('webp')} sizes="(min-width: 760px) 720px, 100vw" />
            <img
              src={`${base}poster-${VIEWER_POSTER.widths[0]}.webp`}
              width={VIEWER_POSTER.width}
              height={VIEWER_POSTER.height}
              alt={`${title}, version ${version.number}: a rendering of the 3D model`}
              decoding="async"
            />
          </picture>
          <template>
            <iframe
              class="model-preview__frame"
              src={viewerFrameHref(`${base}manifest.json`)}
              title={`3D view of ${title}, version ${version.number}: point at it or focus it to start, drag to turn, scroll to zoom`}
              loading="lazy"
            />
          </template>
          <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PLACE_FRAME }} />
        </div>
        <figcaption>{download}</figcaption>
      </figure>
    )
  }
  if (version.viewerStatus === 'queued' || version.viewerStatus === 'processing') {
    return (
      <div class="model-preview">
        <p role="status">
          Preparing the 3D view…{' '}
          <span class="muted">This takes a minute or two; reload the page to see it.</span>
        </p>
        {download}
      </div>
    )
  }
  if (version.viewerStatus === 'failed') {
    return (
      <div class="model-preview">
        <p>Not viewable in 3D: {reasonOf(version.viewerError)}</p>
        {download}
      </div>
    )
  }
  return download
}
