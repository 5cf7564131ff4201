import type { GeometryCodec } from './compress/geometry.ts'
import type { Decoder } from './decoders.ts'

/** Bumped when the manifest's shape changes; readers check it. */
export const MANIFEST_VERSION = 1

export interface ManifestTexture {
  name: string
  slots: string[]
  width: number
  height: number
  /** `ktx2-etc1s`, `ktx2-uastc`, `webp`, or the source type when it was kept as it was. */
  format: string
  bytes: number
  /** Bytes on the GPU, mipmaps included (block-compressed for KTX2, RGBA8 otherwise). */
  gpuBytes: number
}

export interface ManifestLod {
  level: number
  /** Object key (also the path under the output folder), its name carrying the content hash. */
  key: string
  url: string
  bytes: number
  triangles: number
  vertices: number
  /** Share of the cleaned model's triangles asked of the simplifier (lower than configured when the budget forced it). */
  ratio: number
  /**
   * The simplifier's error bound the level was built with (looser than configured when the budget
   * forced it; absent in manifests written before it was recorded).
   */
  error?: number
  textures: ManifestTexture[]
  /** Show this level from this camera distance on (world units; level 0 from 0). */
  switchDistance: number
  geometry: GeometryCodec
  geometryReason: string
  /** Decoders a page needs before it can show this level. */
  decoders: Decoder[]
  /** A still: no animations, morph targets baked (absent in manifests written before it existed). */
  still?: boolean
}

export interface ManifestPosterImage {
  key: string
  url: string
  type: 'image/avif' | 'image/webp'
  width: number
  height: number
  bytes: number
}

export interface ModelManifest {
  version: typeof MANIFEST_VERSION
  name: string
  source: { file: string; sha256: string; bytes: number; triangles: number; textureBytes: number }
  bounds: {
    min: [number, number, number]
    max: [number, number, number]
    center: [number, number, number]
    radius: number
  }
  /** Levels from most to least detailed; the last is the one a page loads first. */
  lods: ManifestLod[]
  /** Rendered from the smallest LOD; null when posters were turned off. */
  poster: { width: number; height: number; background: string; images: ManifestPosterImage[] } | null
  compression: { geometry: GeometryCodec; reason: string }
  encoder: {
    pipeline: string
    lods: {
      ratio: number
      error: number
      textureSize: number
      textureFormat: string
      switchDistance: number
      still?: boolean
    }[]
    ktx2: Record<string, number | boolean>
  }
  warnings: string[]
}

type Check = (value: unknown, path: string) => string | null

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const num: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : `${p} is not a number`)
const count: Check = (v, p) => (Number.isSafeInteger(v) && (v as number) >= 0 ? null : `${p} is not a count`)
const str: Check = (v, p) => (typeof v === 'string' ? null : `${p} is not a string`)
const nonEmpty: Check = (v, p) => (typeof v === 'string' && v.length > 0 ? null : `${p} is empty`)
const vec3: Check = (v, p) =>
  Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? null
    : `${p} is not [x, y, z]`
const oneOf =
  (...values: unknown[]): Check =>
  (v, p) =>
    values.includes(v) ? null : `${p} is not one of ${values.join(', ')}`
const arrayOf =
  (item: Check, min = 0): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return `${p} is not a list`
    if (v.length < min) return `${p} has fewer than ${min} entries`
    for (const [i, x] of v.entries()) {
      const error = item(x, `${p}[${i}]`)
      if (error) return error
    }
    return null
  }
const shape =
  (fields: Record<string, Check>): Check =>
  (v, p) => {
    if (!isRecord(v)) return `${p} is not an object`
    for (const [key, check] of Object.entries(fields)) {
      const error = check(v[key], `${p}.${key}`)
      if (error) return error
    }
    return null
  }
const nullable =
  (check: Check): Check =>
  (v, p) =>
    v === null ? null : check(v, p)
const optional =
  (check: Check): Check =>
  (v, p) =>
    v === undefined ? null : check(v, p)
const anyRecord: Check = (v, p) => (isRecord(v) ? null : `${p} is not an object`)

const textureCheck = shape({
  name: str,
  slots: arrayOf(str),
  width: count,
  height: count,
  format: nonEmpty,
  bytes: count,
  gpuBytes: count,
})

const manifestCheck = shape({
  version: oneOf(MANIFEST_VERSION),
  name: nonEmpty,
  source: shape({
    file: nonEmpty,
    sha256: (v, p) => (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? null : `${p} is not a SHA-256`),
    bytes: count,
    triangles: count,
    textureBytes: count,
  }),
  bounds: shape({ min: vec3, max: vec3, center: vec3, radius: num }),
  lods: arrayOf(
    shape({
      level: count,
      key: nonEmpty,
      url: nonEmpty,
      bytes: count,
      triangles: count,
      vertices: count,
      ratio: num,
      error: optional(num),
      textures: arrayOf(textureCheck),
      switchDistance: num,
      geometry: oneOf('draco', 'meshopt', 'none'),
      geometryReason: str,
      decoders: arrayOf(oneOf('draco', 'meshopt', 'basis')),
      still: oneOf(undefined, true, false),
    }),
    1,
  ),
  poster: nullable(
    shape({
      width: count,
      height: count,
      background: str,
      images: arrayOf(
        shape({
          key: nonEmpty,
          url: nonEmpty,
          type: oneOf('image/avif', 'image/webp'),
          width: count,
          height: count,
          bytes: count,
        }),
        1,
      ),
    }),
  ),
  compression: shape({ geometry: oneOf('draco', 'meshopt', 'none'), reason: str }),
  encoder: shape({ pipeline: nonEmpty, lods: arrayOf(anyRecord, 1), ktx2: anyRecord }),
  warnings: arrayOf(str),
})

/** Why `value` is not a model manifest (the first problem found), or null when it is one. */
export function manifestProblem(value: unknown): string | null {
  return manifestCheck(value, 'manifest')
}

/** A type guard for manifests read back from disk or R2 (the site checks what it is given). */
export function isModelManifest(value: unknown): value is ModelManifest {
  return manifestProblem(value) === null
}

/** Returns the value typed as a manifest, or throws naming the first problem. */
export function parseManifest(value: unknown): ModelManifest {
  const problem = manifestProblem(value)
  if (problem) throw new Error(`invalid model manifest: ${problem}`)
  return value as ModelManifest
}
