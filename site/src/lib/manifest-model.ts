import type { IslandModel } from './models.ts'

// The dashboard's 3D deliverables reach the browser as the pipeline's manifest (version 1), served
// next to their files by the Worker's scoped route; this turns one into what an island draws. The
// site's own models take another path (src/lib/models.ts: checked at build time, files copied).
// Checked by hand rather than with models.ts's zod schema: this runs in the island, and zod would
// add more to its bundle than the whole check weighs.

const DECODERS = new Set(['draco', 'meshopt', 'basis'])
const HEX_COLOUR = /^#[0-9a-f]{6}$/i
/**
 * A level's key: as the pipeline writes it (`models/<name>/<name>.lod2.<hash16>.glb`), or as the
 * Worker rewrites it for a deliverable (`lod2.glb`, api/src/routes/internal/output-names.ts).
 */
const LEVEL_KEY = /^(?:models\/[a-z0-9][a-z0-9-]*\/)?([a-z0-9][a-z0-9.-]*\.glb)$/

/** Why a manifest cannot be shown. */
export class ManifestError extends Error {
  override name = 'ManifestError'
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * The island's model from a manifest read at `manifestUrl`. Every level is read from the manifest's
 * own folder by its file name, whatever base URL the pipeline wrote into the manifest: the route
 * that serves the manifest serves its files beside it, so the scope check covers them too and no
 * other origin is ever fetched. Throws {@link ManifestError} for anything malformed.
 */
export function manifestModel(manifest: unknown, manifestUrl: string): IslandModel {
  if (!isRecord(manifest) || manifest.version !== 1) throw new ManifestError('not a version 1 manifest')
  const bounds = manifest.bounds
  if (!isRecord(bounds)) throw new ManifestError('no bounds')
  const center = bounds.center
  if (!Array.isArray(center) || center.length !== 3 || !center.every(isNumber))
    throw new ManifestError('bounds.center is not three numbers')
  if (!isNumber(bounds.radius) || bounds.radius <= 0) throw new ManifestError('bounds.radius is not positive')
  if (!Array.isArray(manifest.lods) || manifest.lods.length === 0) throw new ManifestError('no levels')
  const lods = manifest.lods.map((level, index) => {
    if (!isRecord(level) || typeof level.key !== 'string')
      throw new ManifestError(`level ${index} has no key`)
    const file = LEVEL_KEY.exec(level.key)?.[1]
    if (!file) throw new ManifestError(`level ${index} is not a model file key`)
    const decoders = Array.isArray(level.decoders) ? level.decoders : []
    if (!decoders.every((d) => typeof d === 'string' && DECODERS.has(d)))
      throw new ManifestError(`level ${index} names an unknown decoder`)
    const numbers = [level.bytes, level.triangles, level.switchDistance]
    if (!numbers.every(isNumber)) throw new ManifestError(`level ${index} lacks its sizes`)
    return {
      src: new URL(file, manifestUrl).pathname,
      bytes: level.bytes as number,
      triangles: level.triangles as number,
      switchDistance: level.switchDistance as number,
      decoders: decoders as Array<'draco' | 'meshopt' | 'basis'>,
    }
  })
  const poster = isRecord(manifest.poster) ? manifest.poster : null
  const background =
    typeof poster?.background === 'string' && HEX_COLOUR.test(poster.background)
      ? poster.background
      : '#0b0d12'
  return { center: center as [number, number, number], radius: bounds.radius, background, lods }
}
