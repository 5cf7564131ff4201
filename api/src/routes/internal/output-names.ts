// The files of a version's 3D viewer, under its prefix in BUCKET (`viewer/<versionId>/`): the
// pipeline worker uploads each level of detail and poster image under a fixed name, and the Worker
// writes the manifest last, once every file it names is there. Fixed names (not the pipeline's
// content-addressed ones) let a page link the poster without reading the manifest; each version has
// its own prefix, so a name never means two different files to a reader.

/** `lod0.glb` … `lod9.glb`, `poster-<width>.avif|webp`: all the pipeline worker may upload. */
const OUTPUT_NAME = /^(?:lod[0-9]\.glb|poster-[1-9][0-9]{1,3}\.(?:avif|webp))$/

/** The manifest's name; only the Worker writes it (`POST …/complete`). */
export const MANIFEST_NAME = 'manifest.json'

/**
 * The poster every ready version has (the pipeline's defaults): 1200×900, also 600 wide for
 * `srcset`, each as AVIF and WebP. `complete` refuses a manifest without these, so a page can link
 * them knowing the files exist.
 */
export const VIEWER_POSTER = {
  width: 1200,
  height: 900,
  widths: [1200, 600],
  types: ['avif', 'webp'],
} as const

/** The poster files a ready version must have. */
export const REQUIRED_POSTER_NAMES: readonly string[] = VIEWER_POSTER.widths.flatMap((width) =>
  VIEWER_POSTER.types.map((type) => `poster-${width}.${type}`),
)

/** Whether the pipeline worker may upload a file of this name (no paths, no other names). */
export function isOutputName(name: string): boolean {
  return OUTPUT_NAME.test(name)
}

/** Whether a name is one of a version's viewer files (outputs and the manifest). */
export function isViewerFileName(name: string): boolean {
  return name === MANIFEST_NAME || isOutputName(name)
}

/** The type a viewer file is served and stored with. */
export function viewerContentType(name: string): string {
  if (name.endsWith('.glb')) return 'model/gltf-binary'
  if (name.endsWith('.avif')) return 'image/avif'
  if (name.endsWith('.webp')) return 'image/webp'
  return 'application/json'
}
