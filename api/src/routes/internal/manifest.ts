import { z } from 'zod'
import { isOutputName, REQUIRED_POSTER_NAMES, VIEWER_POSTER } from './output-names.ts'

// What `POST /internal/model-jobs/<id>/complete` accepts as a version's manifest: the pipeline's
// manifest (assets-pipeline/src/manifest.ts, version 1) as the pipeline worker rewrote it, each file
// named by its fixed output name and reached by a URL relative to the manifest itself. Only the parts
// the Worker relies on are checked; the rest is kept as sent for the browser's loader.

const file = z.object({ key: z.string().refine(isOutputName, 'not an output name'), url: z.string() })

/** The manifest body: at least one level of detail and the poster every ready version has. */
export const viewerManifest = z
  .looseObject({
    version: z.literal(1),
    lods: z
      .array(file.extend({ key: file.shape.key.refine((key) => key.endsWith('.glb'), 'not a .glb') }).loose())
      .min(1)
      .max(10),
    poster: z.looseObject({
      width: z.literal(VIEWER_POSTER.width),
      height: z.literal(VIEWER_POSTER.height),
      images: z.array(file.loose()).max(20),
    }),
  })
  .superRefine((manifest, ctx) => {
    for (const entry of [...manifest.lods, ...manifest.poster.images]) {
      if (entry.url !== entry.key)
        ctx.addIssue({ code: 'custom', message: `${entry.key}: url must equal key` })
    }
    const posters = new Set(manifest.poster.images.map((image) => image.key))
    for (const name of REQUIRED_POSTER_NAMES) {
      if (!posters.has(name)) ctx.addIssue({ code: 'custom', message: `the poster ${name} is missing` })
    }
  })

export type ViewerManifest = z.infer<typeof viewerManifest>

/** Every file a manifest names, once each. */
export function manifestFiles(manifest: ViewerManifest): string[] {
  return [...new Set([...manifest.lods, ...manifest.poster.images].map((entry) => entry.key))]
}
