import type { Document, Texture } from '@gltf-transform/core'
import { EXTTextureWebP, KHRTextureBasisu } from '@gltf-transform/extensions'
import { getTextureColorSpace, listTextureSlots } from '@gltf-transform/functions'
import sharp from 'sharp'
import { sha256 } from '../hash.ts'
import type { ManifestTexture } from '../manifest.ts'
import type { LodLevel } from '../options.ts'
import type { Ktx2Encoder } from './ktx2.ts'
import { decodeKtx2 } from './ktx2-decode.ts'

/** One texture as a LOD ships it: the manifest's record of it. */
export type TextureRecord = ManifestTexture

const COLOUR_SLOTS = /baseColor|emissive|sheenColor|specularColor|diffuse/i

function floorPowerOfTwo(value: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(1, value)))
}

/** The level's size for a texture: longest side at most `limit`, both sides powers of two, at least 4. */
export function fitTexture(width: number, height: number, limit: number): [number, number] {
  const scale = Math.min(1, limit / Math.max(width, height))
  return [Math.max(4, floorPowerOfTwo(width * scale)), Math.max(4, floorPowerOfTwo(height * scale))]
}

/** GPU memory of a texture with its mip chain: 1 byte per pixel block-compressed (BC7/ASTC/ETC2 RGBA), 4 as RGBA8. */
export function gpuBytes(width: number, height: number, bytesPerPixel: number): number {
  return Math.round(width * height * bytesPerPixel * (4 / 3))
}

function isColour(texture: Texture, slots: string[]): boolean {
  return getTextureColorSpace(texture) === 'srgb' || slots.some((slot) => COLOUR_SLOTS.test(slot))
}

const RESIZABLE = ['image/png', 'image/jpeg', 'image/webp']

/** A texture's size from its header, or 0 × 0 when the header cannot be read (a KTX2 no reader takes). */
function sizeOf(texture: Texture): [number, number] {
  try {
    return texture.getSize() ?? [0, 0]
  } catch {
    return [0, 0]
  }
}

interface SourceImage {
  image: Uint8Array
  width: number
  height: number
}

/**
 * KTX2 sources already decoded, by their bytes' hash: a model's levels (and the first-frame level's
 * budget search, up to eight more encodings) all start from the same source textures, and a Basis
 * decode of a 2K texture takes seconds, so one model build decodes each source once.
 */
export type DecodedSources = Map<string, Promise<SourceImage | null>>

/**
 * A texture's image as something to resize: PNG, JPEG and WebP as they are; a Basis Universal KTX2
 * (a model that came GPU-compressed) decoded and written as a PNG, so it is downsized and
 * re-encoded per level like any other instead of shipping at full size on every level. Null for
 * anything else (HDR or raw-GPU-format KTX2, unknown types): it ships as it came.
 */
async function resizableImage(texture: Texture, decoded: DecodedSources): Promise<SourceImage | null> {
  const image = texture.getImage()
  const mime = texture.getMimeType()
  if (!image) return null
  if (RESIZABLE.includes(mime)) {
    const size = texture.getSize()
    return size ? { image, width: size[0], height: size[1] } : null
  }
  if (mime !== 'image/ktx2') return null
  const key = sha256(image)
  let source = decoded.get(key)
  if (!source) {
    source = ktx2AsPng(image)
    decoded.set(key, source)
  }
  return source
}

async function ktx2AsPng(ktx2: Uint8Array): Promise<SourceImage | null> {
  const decoded = await decodeKtx2(ktx2)
  if (!decoded) return null
  const { width, height, rgba } = decoded
  // No compression: the PNG only carries the pixels to the resizer and the encoders.
  const png = await sharp(rgba, { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 0 })
    .toBuffer()
  return { image: new Uint8Array(png), width, height }
}

/**
 * Resizes and re-encodes every texture of one LOD, KTX2 sources included: KTX2 (ETC1S for colour in
 * sRGB, UASTC for normal and data maps, linear) or WebP for the first-frame level. Returns what each
 * texture became. `decoded` carries KTX2 sources decoded for an earlier level of the same model.
 */
export async function encodeLodTextures(
  doc: Document,
  level: LodLevel,
  ktx2: Ktx2Encoder,
  decoded: DecodedSources = new Map(),
): Promise<TextureRecord[]> {
  const textures = doc.getRoot().listTextures()
  let usedKtx2 = false
  let usedWebp = false
  const records = await Promise.all(
    textures.map(async (texture, index): Promise<TextureRecord> => {
      const name = texture.getName() || texture.getURI() || `texture ${index}`
      const slots = listTextureSlots(texture)
      const source = await resizableImage(texture, decoded)
      if (!source) {
        // Neither an image nor a Basis Universal KTX2: shipped as it came, its size as far as known.
        const [width, height] = sizeOf(texture)
        return {
          name,
          slots,
          width,
          height,
          format: texture.getMimeType(),
          bytes: texture.getImage()?.byteLength ?? 0,
          gpuBytes: gpuBytes(width, height, 4),
        }
      }
      const { image } = source
      const [width, height] = fitTexture(source.width, source.height, level.textureSize)
      const colour = isColour(texture, slots)
      let encoded: Uint8Array
      let format: string
      if (level.textureFormat === 'webp') {
        encoded = new Uint8Array(
          await sharp(image)
            .resize(width, height, { fit: 'fill' })
            .webp({ quality: colour ? 80 : 90, effort: 4 })
            .toBuffer(),
        )
        format = 'webp'
        usedWebp = true
        texture.setMimeType('image/webp')
      } else {
        const mode = colour ? 'etc1s' : 'uastc'
        encoded = await ktx2.encode({
          image,
          width,
          height,
          mode,
          normalMap: slots.includes('normalTexture'),
        })
        format = `ktx2-${mode}`
        usedKtx2 = true
        texture.setMimeType('image/ktx2')
      }
      texture.setImage(encoded)
      if (texture.getURI()) texture.setURI('')
      const perPixel = format === 'webp' ? 4 : 1
      return {
        name,
        slots,
        width,
        height,
        format,
        bytes: encoded.byteLength,
        gpuBytes: gpuBytes(width, height, perPixel),
      }
    }),
  )
  if (usedKtx2) doc.createExtension(KHRTextureBasisu).setRequired(true)
  else if (!textures.some((texture) => texture.getMimeType() === 'image/ktx2'))
    // A model that came with KTX2 declares the extension; a level with none left must not require
    // it, or loaders would want the Basis transcoder for nothing.
    for (const extension of doc.getRoot().listExtensionsUsed())
      if (extension.extensionName === KHRTextureBasisu.EXTENSION_NAME) extension.dispose()
  if (usedWebp) doc.createExtension(EXTTextureWebP).setRequired(true)
  return records
}
