import { ImageUtils } from '@gltf-transform/core'
import { KHRTextureBasisu } from '@gltf-transform/extensions'
import { formatBytes } from '../format.ts'
import type { InputLimits } from './limits.ts'
import { ModelError } from './model-error.ts'
import type { SourceFiles } from './source.ts'

/** Decodes a `data:` URI's payload (base64 or percent-encoded). */
export function decodeDataUri(uri: string): Uint8Array {
  const comma = uri.indexOf(',')
  if (comma < 0) throw new ModelError('has a data: URI without a payload')
  const header = uri.slice(5, comma)
  const payload = uri.slice(comma + 1)
  if (header.endsWith(';base64')) return new Uint8Array(Buffer.from(payload, 'base64'))
  return new TextEncoder().encode(decodeURIComponent(payload))
}

function bufferData(source: SourceFiles, index: number): Uint8Array | null {
  const buffer = source.json.buffers?.[index]
  if (!buffer) return null
  if (buffer.uri === undefined) return index === 0 ? source.bin : null
  if (buffer.uri.startsWith('data:')) return decodeDataUri(buffer.uri)
  return source.resources.get(buffer.uri) ?? null
}

/** Every buffer's declared byteLength must fit in the bytes actually supplied for it. */
function checkBuffers(source: SourceFiles, buffers: (Uint8Array | null)[]): void {
  for (const [index, buffer] of (source.json.buffers ?? []).entries()) {
    const declared = buffer.byteLength
    if (typeof declared !== 'number' || !Number.isSafeInteger(declared) || declared < 0) {
      throw new ModelError(`buffer ${index} has an invalid byteLength`)
    }
    const available = buffers[index]?.byteLength ?? 0
    if (declared > source.totalBytes) {
      throw new ModelError(
        `buffer ${index} declares ${declared} bytes, larger than the model's files (${source.totalBytes} bytes)`,
      )
    }
    if (declared > available) {
      throw new ModelError(`buffer ${index} declares ${declared} bytes, but only ${available} are supplied`)
    }
  }
}

function imageBytes(source: SourceFiles, buffers: (Uint8Array | null)[], index: number): Uint8Array | null {
  const image = source.json.images?.[index]
  if (!image) return null
  if (image.uri !== undefined) {
    return image.uri.startsWith('data:')
      ? decodeDataUri(image.uri)
      : (source.resources.get(image.uri) ?? null)
  }
  const view = image.bufferView === undefined ? undefined : source.json.bufferViews?.[image.bufferView]
  const buffer = view?.buffer === undefined ? null : buffers[view.buffer]
  if (!view || !buffer) return null
  const start = view.byteOffset ?? 0
  const end = start + (view.byteLength ?? 0)
  return end <= buffer.byteLength ? buffer.subarray(start, end) : null
}

function sniffMime(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg'
  if (bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp'
  if (bytes[0] === 0xab && bytes[1] === 0x4b && bytes[2] === 0x54 && bytes[3] === 0x58) return 'image/ktx2'
  return null
}

// KTX2's size reader (ktx-parse reads the container's header and level index, decoding nothing) is
// registered by the extension that owns the format; register it here too, so the check never depends
// on whether an IO with that extension was made first.
KHRTextureBasisu.register()

/** Every texture image within the byte and pixel limits, its size read from its header only. */
function checkImages(source: SourceFiles, buffers: (Uint8Array | null)[], limits: InputLimits): void {
  for (const [index, image] of (source.json.images ?? []).entries()) {
    const label = `texture ${index}${image.name ? ` "${image.name}"` : image.uri && !image.uri.startsWith('data:') ? ` "${image.uri}"` : ''}`
    const bytes = imageBytes(source, buffers, index)
    if (!bytes) throw new ModelError(`${label} has no readable data`)
    if (bytes.byteLength > limits.maxTextureBytes) {
      throw new ModelError(
        `${label} is ${bytes.byteLength} bytes, over the ${limits.maxTextureBytes}-byte limit`,
      )
    }
    const mime = sniffMime(bytes) ?? image.mimeType ?? ''
    let size: [number, number] | null = null
    try {
      size = ImageUtils.getSize(bytes, mime) as [number, number] | null
    } catch {
      size = null
    }
    if (!size) throw new ModelError(`${label} is not a readable PNG, JPEG, WebP or KTX2 image`)
    const [width, height] = size
    if (
      width > limits.maxTextureSide ||
      height > limits.maxTextureSide ||
      width * height > limits.maxTexturePixels
    ) {
      throw new ModelError(
        `${label} is ${width}×${height} px, over the limit (${limits.maxTextureSide} px a side, ${limits.maxTexturePixels} px in all)`,
      )
    }
  }
}

const COMPONENTS: Record<string, number> = {
  SCALAR: 1,
  VEC2: 2,
  VEC3: 3,
  VEC4: 4,
  MAT2: 4,
  MAT3: 9,
  MAT4: 16,
}
const COMPONENT_BYTES: Record<number, number> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 }
const MESHOPT = ['EXT_meshopt_compression', 'KHR_meshopt_compression']

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/**
 * What the model's geometry takes once decoded, from its JSON alone: every accessor's
 * `count × components × component size` (Draco-compressed accessors declare their decoded count
 * too), plus every meshopt-compressed buffer view's `count × byteStride`. Throws on a count or type
 * that cannot be sized. Nothing is decoded.
 */
export function decodedGeometryBytes(json: SourceFiles['json']): number {
  let total = 0
  for (const [index, accessor] of (json.accessors ?? []).entries()) {
    const components = COMPONENTS[String(accessor?.type)]
    const bytes = COMPONENT_BYTES[Number(accessor?.componentType)]
    if (!isCount(accessor?.count) || !components || !bytes) {
      throw new ModelError(`accessor ${index} has an invalid count, type or component type`)
    }
    total += accessor.count * components * bytes
  }
  for (const [index, view] of (json.bufferViews ?? []).entries()) {
    for (const name of MESHOPT) {
      const meshopt = view?.extensions?.[name] as { count?: unknown; byteStride?: unknown } | undefined
      if (!meshopt) continue
      if (!isCount(meshopt.count) || !isCount(meshopt.byteStride)) {
        throw new ModelError(`buffer view ${index} has an invalid ${name} count or byteStride`)
      }
      total += meshopt.count * meshopt.byteStride
    }
  }
  return total
}

/** The decoded geometry within the limit, before a decoder allocates any of it. */
function checkGeometry(source: SourceFiles, limits: InputLimits): void {
  const bytes = decodedGeometryBytes(source.json)
  if (bytes > limits.maxGeometryBytes) {
    throw new ModelError(
      `would take ${formatBytes(bytes)} of geometry once decoded, over the ${formatBytes(limits.maxGeometryBytes)} limit`,
    )
  }
}

/**
 * The pipeline's own checks on an untrusted model, beyond the Khronos validator's: the decoded
 * geometry within its limit, buffers no larger than the data supplied (or the files), texture images
 * (KTX2 ones too) within the byte and pixel limits.
 */
export function checkSource(source: SourceFiles, limits: InputLimits): void {
  checkGeometry(source, limits)
  const buffers = (source.json.buffers ?? []).map((_, index) => bufferData(source, index))
  checkBuffers(source, buffers)
  checkImages(source, buffers, limits)
}
