import { ImageUtils } from '@gltf-transform/core'
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
    if (!size) {
      if (mime === 'image/ktx2') continue // checked by the validator; the pipeline re-encodes nothing it cannot read
      throw new ModelError(`${label} is not a readable PNG, JPEG or WebP image`)
    }
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

/**
 * The pipeline's own checks on an untrusted model, beyond the Khronos validator's: buffers no
 * larger than the data supplied (or the files), texture images within the byte and pixel limits.
 */
export function checkSource(source: SourceFiles, limits: InputLimits): void {
  const buffers = (source.json.buffers ?? []).map((_, index) => bufferData(source, index))
  checkBuffers(source, buffers)
  checkImages(source, buffers, limits)
}
