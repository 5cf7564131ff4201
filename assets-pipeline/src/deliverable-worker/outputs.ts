import { join } from 'node:path'
import type { ModelManifest } from '../manifest.ts'

// How one build's files become a deliverable version's viewer files. The pipeline names its outputs
// for a public, shared bucket (`models/<name>/<name>.lod0.<hash>.glb`: content-addressed so caches
// can keep them forever). A version's viewer has its own prefix in the private bucket and is never
// rebuilt in place, so the files take the fixed names the API Worker accepts (`lod0.glb`,
// `poster-1200.avif`…) and the manifest names them by URLs relative to itself.

/** One file to upload: the fixed name the Worker stores it under, and where the build wrote it. */
export interface ViewerFile {
  name: string
  path: string
}

const POSTER_EXTENSIONS: Record<string, string> = { 'image/avif': 'avif', 'image/webp': 'webp' }

/**
 * The files to upload (levels of detail, then poster images) and the manifest that names them, for
 * a version whose file the client knows as `fileName`. The manifest keeps everything else the
 * pipeline wrote (bounds, switch distances, decoders) for the browser's loader.
 */
export function viewerOutputs(
  manifest: ModelManifest,
  outDir: string,
  fileName: string,
): { files: ViewerFile[]; manifest: ModelManifest } {
  const files: ViewerFile[] = []
  const rename = <T extends { key: string; url: string }>(entry: T, name: string): T => {
    files.push({ name, path: join(outDir, entry.key) })
    return { ...entry, key: name, url: name }
  }
  const lods = manifest.lods.map((lod) => rename(lod, `lod${lod.level}.glb`))
  const poster = manifest.poster && {
    ...manifest.poster,
    images: manifest.poster.images.map((image) => {
      const extension = POSTER_EXTENSIONS[image.type]
      if (!extension) throw new Error(`deliverable-worker: a poster of unknown type ${image.type}`)
      return rename(image, `poster-${image.width}.${extension}`)
    }),
  }
  return { files, manifest: { ...manifest, source: { ...manifest.source, file: fileName }, lods, poster } }
}
