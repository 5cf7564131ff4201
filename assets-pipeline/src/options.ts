import { availableParallelism } from 'node:os'
import { DEFAULT_LIMITS, type InputLimits } from './validate/limits.ts'

/** One level of the LOD chain. */
export interface LodLevel {
  /** Target share of the cleaned model's triangles (1 keeps them all). */
  ratio: number
  /** The simplifier's error bound, relative to the mesh's size; it stops early rather than exceed it. */
  error: number
  /** Longest side of each texture at this level, in pixels (rounded down to a power of two). */
  textureSize: number
  /**
   * `ktx2`: Basis Universal (ETC1S colour, UASTC data), compressed on the GPU too. `webp`: for the
   * first-frame level, where 128-px textures cost the GPU little and the 260 KB Basis transcoder
   * would cost the page more than it saves.
   */
  textureFormat: 'ktx2' | 'webp'
  /** Camera distance, in multiples of the model's bounding radius, from which this level is shown. */
  switchDistance: number
  /**
   * A still: animations dropped and morph targets baked at their default weights (see `still.ts`).
   * On for the first-frame level, whose bytes are on the page's critical path; the finer levels
   * keep the motion.
   */
  still?: boolean
}

export interface Ktx2Settings {
  /** ETC1S quality, 1–255 (colour textures). */
  etc1sQuality: number
  /** ETC1S effort, 0–6. */
  etc1sEffort: number
  /** UASTC effort, 0–4 (normal and data textures). */
  uastcEffort: number
  /** UASTC rate-distortion optimisation scalar (0 disables); smaller files after Zstandard. */
  uastcRdo: number
  /** Zstandard supercompression for UASTC. */
  zstd: boolean
  mipmaps: boolean
}

export interface PosterSettings {
  enabled: boolean
  /** Widths written, each as AVIF and WebP; the first is the rendered size. */
  widths: number[]
  /** Height over width (the site's `<img>` box, 3:4 → 0.75). */
  aspect: number
  background: string
}

export interface Budgets {
  /** Smallest LOD, bytes. */
  smallestLod: number
  /** LOD0, bytes. */
  lod0: number
  /** Initial 3D bytes on one page (smallest LODs plus decoders), bytes. */
  page: number
}

export interface BuildOptions {
  lods: LodLevel[]
  limits: InputLimits
  ktx2: Ktx2Settings
  poster: PosterSettings
  budgets: Budgets
  /** Prefix of URLs in the manifest (keys are appended: `models/<name>/<file>`). */
  baseUrl: string
  /** Models built at once. */
  concurrency: number
  /** KTX2 worker threads. */
  workers: number
}

export const DEFAULT_LODS: LodLevel[] = [
  { ratio: 1, error: 0.001, textureSize: 1024, textureFormat: 'ktx2', switchDistance: 0 },
  { ratio: 0.5, error: 0.01, textureSize: 512, textureFormat: 'ktx2', switchDistance: 4 },
  { ratio: 0.2, error: 0.05, textureSize: 128, textureFormat: 'webp', switchDistance: 10, still: true },
]

export function defaultOptions(): BuildOptions {
  const cores = availableParallelism()
  return {
    lods: DEFAULT_LODS.map((level) => ({ ...level })),
    limits: { ...DEFAULT_LIMITS },
    ktx2: { etc1sQuality: 128, etc1sEffort: 2, uastcEffort: 0, uastcRdo: 4, zstd: true, mipmaps: true },
    poster: { enabled: true, widths: [1200, 600], aspect: 0.75, background: '#0b0d12' },
    budgets: { smallestLod: 100_000, lod0: 200_000, page: 500_000 },
    baseUrl: '/',
    concurrency: Math.max(1, Math.min(4, cores)),
    workers: Math.max(1, Math.min(4, cores)),
  }
}

/** The settings that change output bytes, as stable JSON: part of every cache key. */
export function outputFingerprint(options: BuildOptions): string {
  const { lods, limits, ktx2, poster, baseUrl } = options
  return JSON.stringify({ lods, limits, ktx2, poster, baseUrl })
}
